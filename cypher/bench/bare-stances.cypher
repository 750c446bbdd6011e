// The write benchmark's baseline: the same stance rows writeBatch takes, as a
// bare UNWIND ... MERGE: the stance, its holder and proposal, its speaker and
// its evidence, and nothing else (no reference check, no current-stance
// edges, no SUPERSEDES chain, no position labels).
UNWIND $rows AS row
MATCH (a:Actor {id: row.actorId})
MATCH (p:Proposal {id: row.proposalId})
MERGE (s:Stance {id: row.id})
SET s.position = row.position, s.cue = row.cue, s.conditions = row.conditions, s.statedOn = row.statedOn,
    s.confidence = row.confidence, s.status = row.status, s.rule = row.rule
MERGE (a)-[:HOLDS]->(s)
MERGE (s)-[:ON]->(p)
WITH s, row
CALL (s, row) {
  MATCH (speaker:Actor {id: row.speakerId})
  MERGE (s)-[:VOICED_BY]->(speaker)
}
CALL (s, row) {
  UNWIND row.evidence AS ev
  MATCH (art:Article {id: ev.articleId})
  MERGE (s)-[e:EVIDENCED_BY {key: ev.key}]->(art)
  SET e.quote = ev.quote, e.charStart = ev.charStart, e.charEnd = ev.charEnd
}
RETURN count(*) AS rows
