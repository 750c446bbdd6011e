// Pairs with a live stance that has no shift kind: stances written before the
// SUPERSEDES chain was kept. ShiftsService links them once at start-up.
MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal)
WHERE s.status IN $liveStatuses AND s.shiftKind IS NULL
RETURN DISTINCT a.id AS actorId, p.id AS proposalId
LIMIT $limit
