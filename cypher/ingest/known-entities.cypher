// The gazetteer the extractor matches text against: every actor and
// proposal with its aliases, and the state each person speaks for.
CALL () {
  MATCH (a:Actor)
  RETURN collect({
    id: a.id, name: a.name, kind: a.kind, aliases: coalesce(a.aliases, []),
    representsId: COLLECT { MATCH (a)-[:REPRESENTS]->(s:Actor) RETURN s.id ORDER BY s.id LIMIT 1 }[0],
    role: COLLECT { MATCH (a)-[r:REPRESENTS]->(:Actor) RETURN r.role LIMIT 1 }[0]
  }) AS actors
}
CALL () {
  MATCH (p:Proposal)
  RETURN collect({id: p.id, name: p.name, aliases: coalesce(p.aliases, [])}) AS proposals
}
RETURN actors, proposals
