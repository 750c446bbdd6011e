// Records stances in one batch. A stance is keyed by its content id, so the
// same fact twice lands on the same node; its evidence edges are keyed by
// their span, so the same quote twice is one edge. `override` rows (an
// analyst's recordStance) replace status, cue, conditions and confidence;
// other rows (extraction) only add evidence, cues, and (while the stance is
// still PROPOSED) conditions: they never change what an analyst confirmed or
// rejected, and never bring a rejected stance back. An extracted stance keeps
// the features of the reading whose confidence it keeps (what the confidence
// model learns from when an analyst decides it).
//
// Concurrent writers of one actor's stances take turns from the lock below
// to commit (actors in id order, so two batches never wait on each other in
// a circle): the current-stance edge and the SUPERSEDES chain rewritten later
// in the transaction must see what the other writer committed, or both would
// add an edge (the reliability tier reproduces that without the lock).
// Each actor is locked once, however many of the rows are its stances.
//
// The references are checked in the same statement (one round trip fewer
// per write): when an actor, speaker or proposal named is not in the graph,
// nothing is written and the missing ids come back (the caller refuses the
// write with NOT_FOUND). `created` is which of $stanceIds did not exist
// before this write.
CALL () {
  UNWIND $rows AS row
  WITH DISTINCT row.actorId AS actorId
  ORDER BY actorId
  MATCH (a:Actor {id: actorId})
  SET a._writeLock = true
  REMOVE a._writeLock
  RETURN count(a) AS locked
}
WITH [id IN $actorIds WHERE NOT EXISTS { MATCH (:Actor {id: id}) }] AS missingActors,
     [id IN $proposalIds WHERE NOT EXISTS { MATCH (:Proposal {id: id}) }] AS missingProposals,
     [id IN $stanceIds WHERE NOT EXISTS { MATCH (:Stance {id: id}) }] AS created
CALL (missingActors, missingProposals) {
  WITH * WHERE size(missingActors) = 0 AND size(missingProposals) = 0
  UNWIND $rows AS row
  WITH row ORDER BY row.actorId, row.proposalId
  MATCH (a:Actor {id: row.actorId})
  MATCH (p:Proposal {id: row.proposalId})
  MERGE (s:Stance {id: row.id})
  ON CREATE SET s.recordedAt = datetime(), s.status = row.status, s.cue = row.cue, s.cues = [],
                s.conditions = row.conditions, s.confidence = row.confidence, s.rule = row.rule
  WITH a, p, s, row, (row.override OR s.status = 'PROPOSED') AS mayEdit
  SET s.position = row.position,
      s.statedOn = row.statedOn,
      s.status = CASE WHEN row.override THEN row.status ELSE s.status END,
      s.cue = CASE WHEN row.override AND row.cue IS NOT NULL THEN row.cue ELSE coalesce(s.cue, row.cue) END,
      s.cues = s.cues + [c IN [row.cue] WHERE c IS NOT NULL AND NOT c IN s.cues],
      s.conditions = CASE WHEN row.override THEN row.conditions
                          WHEN mayEdit THEN s.conditions + [c IN row.conditions WHERE NOT c IN s.conditions]
                          ELSE s.conditions END,
      // the features the kept confidence was estimated from (before it changes below)
      s.features = CASE WHEN row.features IS NOT NULL AND (s.features IS NULL OR (mayEdit AND row.confidence > s.confidence))
                        THEN row.features ELSE s.features END,
      s.confidence = CASE WHEN row.override OR (mayEdit AND row.confidence > s.confidence) THEN row.confidence ELSE s.confidence END,
      s.rule = coalesce(s.rule, row.rule)
  // A second label by position, so Neo4j Browser can colour stance nodes.
  REMOVE s:Support:Oppose:Noncommittal
  SET s:$(CASE s.position WHEN 'SUPPORT' THEN 'Support' WHEN 'OPPOSE' THEN 'Oppose' ELSE 'Noncommittal' END)
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
    SET e.quote = ev.quote, e.charStart = ev.charStart, e.charEnd = ev.charEnd, e.marks = coalesce(ev.marks, e.marks)
  }
  WITH DISTINCT s
  OPTIONAL MATCH (s)-[:EVIDENCED_BY]->(art:Article)
  WITH s, min(art.publishedOn) AS firstReport
  SET s.effectiveOn = coalesce(s.statedOn, firstReport)
  RETURN count(s) AS stances
}
RETURN missingActors, missingProposals, created
