// The stances an actor holds, with what their id is made of (for re-keying on merge).
MATCH (a:Actor {id: $id})-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal)
RETURN s.id AS id, p.id AS proposalId, s.position AS position, s.statedOn AS statedOn
