MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal)
WHERE s.shiftKind IS NOT NULL
  AND ($actorId IS NULL OR a.id = $actorId)
  AND ($proposalId IS NULL OR p.id = $proposalId)
  AND ($kinds IS NULL OR s.shiftKind IN $kinds)
  AND ($since IS NULL OR s.effectiveOn >= $since)
  AND ($recordedSince IS NULL OR s.recordedAt >= datetime($recordedSince))
RETURN count(s) AS count
