// The gazetteer the extractor matches text against: every actor and
// proposal with its aliases, and the state each person speaks for. One row
// per entity (not two lists in one row), so that the service decodes a large
// gazetteer as it arrives instead of in one piece that holds up its event loop.
// A proposal's introducedOn (when it was put forward, else first reported)
// keeps a later text of the same words from being taken for it.
// An actor or proposal the extractor made up, whose every stance an analyst
// has amended onto another, is left out: the analyst said it is that other
// one, whose aliases now carry its words (review/amend).
MATCH (a:Actor)
WHERE NOT (a.source = 'extracted'
           AND EXISTS { MATCH (a)-[:HOLDS]->(s:Stance) WHERE s.status = 'AMENDED' }
           AND NOT EXISTS { MATCH (a)-[:HOLDS]->(s:Stance) WHERE s.status <> 'AMENDED' })
RETURN 'actor' AS type, a.id AS id, a.name AS name, a.kind AS kind, coalesce(a.aliases, []) AS aliases,
  COLLECT { MATCH (a)-[:REPRESENTS]->(s:Actor) RETURN s.id ORDER BY s.id LIMIT 1 }[0] AS representsId,
  COLLECT { MATCH (a)-[r:REPRESENTS]->(:Actor) RETURN r.role LIMIT 1 }[0] AS role,
  null AS introducedOn
UNION ALL
MATCH (p:Proposal)
WHERE NOT (p.source = 'extracted'
           AND EXISTS { MATCH (s:Stance)-[:ON]->(p) WHERE s.status = 'AMENDED' }
           AND NOT EXISTS { MATCH (s:Stance)-[:ON]->(p) WHERE s.status <> 'AMENDED' })
// introducedOn: when it was put forward, else the article that introduced it
RETURN 'proposal' AS type, p.id AS id, p.name AS name, null AS kind, coalesce(p.aliases, []) AS aliases, null AS representsId, null AS role,
  coalesce(p.proposedOn,
    COLLECT { MATCH (p)-[:INTRODUCED_IN]->(art:Article) WHERE art.publishedOn IS NOT NULL
              RETURN art.publishedOn ORDER BY art.publishedOn LIMIT 1 }[0]) AS introducedOn
