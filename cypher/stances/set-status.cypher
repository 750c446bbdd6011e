// An analyst's decision on a stance; returns the pair whose current edge must be refreshed.
MATCH (a:Actor)-[:HOLDS]->(s:Stance {id: $id})-[:ON]->(p:Proposal)
SET s.status = $status,
    s.reviewedAt = CASE WHEN s.status = $status AND s.reviewedAt IS NOT NULL THEN s.reviewedAt ELSE datetime() END
RETURN a.id AS actorId, p.id AS proposalId
