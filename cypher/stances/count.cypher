MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal)
WHERE ($actorId IS NULL OR a.id = $actorId)
  AND ($proposalId IS NULL OR p.id = $proposalId)
  AND ($position IS NULL OR s.position = $position)
  AND s.status IN $statuses
  AND ($from IS NULL OR s.effectiveOn >= $from)
  AND ($to IS NULL OR s.effectiveOn <= $to)
  AND ($outlet IS NULL OR EXISTS { (s)-[:EVIDENCED_BY]->(:Article)-[:PUBLISHED_BY]->(:Outlet {name: $outlet}) })
RETURN count(s) AS count
