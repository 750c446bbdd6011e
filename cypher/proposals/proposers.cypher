UNWIND $ids AS id
MATCH (a:Actor)-[:PROPOSED]->(p:Proposal {id: id})
RETURN p.id AS proposalId, a.id AS actorId, a.kind AS kind
ORDER BY a.id
