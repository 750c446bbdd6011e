// Moves stances to a new holder under new ids (after an actor merge). When a
// stance with the new id already exists, the two are one fact: evidence,
// speakers, cues and conditions fold into it and the old node goes.
UNWIND $rows AS row
MATCH (old:Stance {id: row.oldId})
MATCH (holder:Actor {id: $holderId})
MATCH (old)-[:ON]->(p:Proposal)
MERGE (s:Stance {id: row.newId})
ON CREATE SET s += old {.position, .cue, .cues, .conditions, .statedOn, .effectiveOn, .confidence, .recordedAt, .status, .rule}
SET s.cues = coalesce(s.cues, []) + [c IN coalesce(old.cues, []) WHERE NOT c IN coalesce(s.cues, [])],
    s.conditions = coalesce(s.conditions, []) + [c IN coalesce(old.conditions, []) WHERE NOT c IN coalesce(s.conditions, [])]
REMOVE s:Support:Oppose:Noncommittal
FOREACH (_ IN CASE WHEN s.position = 'SUPPORT' THEN [1] ELSE [] END | SET s:Support)
FOREACH (_ IN CASE WHEN s.position = 'OPPOSE' THEN [1] ELSE [] END | SET s:Oppose)
FOREACH (_ IN CASE WHEN s.position = 'NONCOMMITTAL' THEN [1] ELSE [] END | SET s:Noncommittal)
MERGE (holder)-[:HOLDS]->(s)
MERGE (s)-[:ON]->(p)
WITH old, s
CALL (old, s) {
  MATCH (old)-[e:EVIDENCED_BY]->(art)
  MERGE (s)-[n:EVIDENCED_BY {key: e.key}]->(art)
  SET n.quote = e.quote, n.charStart = e.charStart, n.charEnd = e.charEnd
}
CALL (old, s) {
  MATCH (old)-[:VOICED_BY]->(speaker)
  MERGE (s)-[:VOICED_BY]->(speaker)
}
WITH old, s
WHERE old <> s
DETACH DELETE old
RETURN count(*) AS moved
