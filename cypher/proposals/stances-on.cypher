// The stances on a proposal, with what their id is made of (for re-keying on merge).
MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal {id: $id})
RETURN s.id AS id, a.id AS actorId, s.position AS position, s.statedOn AS statedOn
