// Moves stances under new ids to a holder and a proposal (after an actor or
// a proposal merge; each row names the stance's holder and proposal after
// it). When a stance with the new id already exists, the two are one fact:
// evidence, speakers, cues and conditions fold into it and the old node goes.
// A moved stance keeps its review (who decided it, when, at which version) and
// the features its confidence was estimated from: a merge never hides a
// decision from the feedback and the confidence model that learn from them.
UNWIND $rows AS row
MATCH (old:Stance {id: row.oldId})
MATCH (holder:Actor {id: row.holderId})
MATCH (p:Proposal {id: row.proposalId})
MERGE (s:Stance {id: row.newId})
ON CREATE SET s += old {.position, .cue, .cues, .conditions, .statedOn, .effectiveOn, .confidence, .recordedAt, .status, .rule,
                        .features, .reviewedAt, .reviewedBy, .version}
SET s.cues = coalesce(s.cues, []) + [c IN coalesce(old.cues, []) WHERE NOT c IN coalesce(s.cues, [])],
    s.conditions = coalesce(s.conditions, []) + [c IN coalesce(old.conditions, []) WHERE NOT c IN coalesce(s.conditions, [])]
REMOVE s:Support:Oppose:Noncommittal
SET s:$(CASE s.position WHEN 'SUPPORT' THEN 'Support' WHEN 'OPPOSE' THEN 'Oppose' ELSE 'Noncommittal' END)
MERGE (holder)-[:HOLDS]->(s)
MERGE (s)-[:ON]->(p)
WITH old, s
CALL (old, s) {
  MATCH (old)-[e:EVIDENCED_BY]->(art)
  MERGE (s)-[n:EVIDENCED_BY {key: e.key}]->(art)
  SET n.quote = e.quote, n.charStart = e.charStart, n.charEnd = e.charEnd, n.marks = coalesce(n.marks, e.marks)
}
CALL (old, s) {
  MATCH (old)-[:VOICED_BY]->(speaker)
  MERGE (s)-[:VOICED_BY]->(speaker)
}
WITH old, s
WHERE old <> s
DETACH DELETE old
RETURN count(*) AS moved
