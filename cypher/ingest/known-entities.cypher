// The gazetteer the extractor matches text against: every actor and
// proposal with its aliases, and the state each person speaks for. One row
// per entity (not two lists in one row), so that the service decodes a large
// gazetteer as it arrives instead of in one piece that holds up its event loop.
MATCH (a:Actor)
RETURN 'actor' AS type, a.id AS id, a.name AS name, a.kind AS kind, coalesce(a.aliases, []) AS aliases,
  COLLECT { MATCH (a)-[:REPRESENTS]->(s:Actor) RETURN s.id ORDER BY s.id LIMIT 1 }[0] AS representsId,
  COLLECT { MATCH (a)-[r:REPRESENTS]->(:Actor) RETURN r.role LIMIT 1 }[0] AS role
UNION ALL
MATCH (p:Proposal)
RETURN 'proposal' AS type, p.id AS id, p.name AS name, null AS kind, coalesce(p.aliases, []) AS aliases, null AS representsId, null AS role
