UNWIND $ids AS id
MATCH (a:Actor {id: id})-[:PROPOSED]->(p:Proposal)
RETURN p.id AS proposalId, a.id AS actorId, a.kind AS kind
ORDER BY p.proposedOn, p.id
