UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r:REPRESENTS]->(s:Actor)
RETURN a.id AS actorId, r.role AS role,
       {id: s.id, name: s.name, kind: s.kind, aliases: coalesce(s.aliases, [])} AS state
ORDER BY s.id
