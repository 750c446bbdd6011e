// The actor nodes of a network export, with the states they speak for
// (REPRESENTS edges).
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id, a.name AS name, a.kind AS kind, coalesce(a.aliases, []) AS aliases,
       COLLECT { MATCH (a)-[r:REPRESENTS]->(s:Actor) RETURN {stateId: s.id, role: r.role} AS rep ORDER BY s.id } AS represents
ORDER BY a.id
