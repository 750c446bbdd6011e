// Undoes a bulk decision: each stance the batch moved goes back to PROPOSED,
// unless someone has changed it since (its version is no longer the one the
// batch gave it): those are left as they are and counted. A batch is undone
// once; undoing it again changes nothing. Returns the pairs to relink.
MATCH (b:DecisionBatch {id: $batchId})
SET b._writeLock = true
REMOVE b._writeLock
WITH b, b.undoneAt IS NULL AS open
SET b.undoneAt = coalesce(b.undoneAt, datetime()), b.undoneBy = coalesce(b.undoneBy, $by)
WITH b, open
OPTIONAL MATCH (b)-[d:DECIDED]->(s:Stance)
WHERE open
WITH b, d, s ORDER BY s.id
CALL (s) { WITH s WHERE s IS NOT NULL SET s._writeLock = true REMOVE s._writeLock }
WITH b, d, s, s IS NOT NULL AND s.version = d.version AND s.status = b.status AS undo
FOREACH (_ IN CASE WHEN undo THEN [1] ELSE [] END |
  SET s.status = 'PROPOSED', s.version = s.version + 1, s.reviewedAt = datetime(), s.reviewedBy = $by)
WITH b, s, undo
OPTIONAL MATCH (a:Actor)-[:HOLDS]->(s)-[:ON]->(p:Proposal)
WITH b, collect(CASE WHEN undo THEN {actorId: a.id, proposalId: p.id, stanceId: s.id} END) AS undone,
     count(CASE WHEN s IS NOT NULL AND NOT undo THEN 1 END) AS kept
RETURN b.id AS id, b.status AS status, b.by AS by, toString(b.at) AS at, b.count AS count,
       toString(b.undoneAt) AS undoneAt, undone, kept
