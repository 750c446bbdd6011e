// A bulk decision: every stance matching the filter that is still PROPOSED
// (at most $max) takes $status, and one (:DecisionBatch) remembers which
// stances it moved and the version it gave each, so that the batch can be
// undone in one step. Stances are locked in id order (two batches never wait
// on each other in a circle). Returns the pairs to relink.
MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal)
WHERE s.status = 'PROPOSED'
  AND ($proposalId IS NULL OR p.id = $proposalId)
  AND ($actorId IS NULL OR a.id = $actorId)
  AND ($outlet IS NULL OR EXISTS { (s)-[:EVIDENCED_BY]->(:Article)-[:PUBLISHED_BY]->(:Outlet {name: $outlet}) })
  AND ($articleId IS NULL OR EXISTS { (s)-[:EVIDENCED_BY]->(:Article {id: $articleId}) })
WITH a, s, p ORDER BY s.id LIMIT $max
SET s._writeLock = true
REMOVE s._writeLock
WITH a, s, p WHERE s.status = 'PROPOSED'
WITH collect({a: a, s: s, p: p}) AS rows
CREATE (b:DecisionBatch {id: $batchId, status: $status, by: $by, at: datetime(), count: size(rows)})
WITH b, rows
UNWIND rows AS row
WITH b, row.a AS a, row.s AS s, row.p AS p
SET s.status = $status, s.version = coalesce(s.version, 0) + 1, s.reviewedAt = datetime(), s.reviewedBy = $by
CREATE (b)-[:DECIDED {version: s.version}]->(s)
RETURN a.id AS actorId, p.id AS proposalId, s.id AS stanceId
