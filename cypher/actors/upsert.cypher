// Actors by id: the one write of an actor, for an analyst's upsertActor, the
// demo graph and ingestion alike. An analyst's row (row.authoritative) sets
// the name, kind, role and, when given, the aliases; an extracted row creates
// a new actor with the confidence and quote that introduced it, and only adds
// aliases (a new spelling) and, for a person without one, the state spoken
// for. Labels follow the kind through an allow-list (FOREACH on a fixed
// enum), never string building. An analyst's row whose REPRESENTS target does
// not exist writes nothing and returns no row. name keys and search text are
// made in one place: nameKeys from the service (common/validation nameKeysOf),
// searchText here, name and aliases joined by ' | '.
UNWIND $rows AS row
OPTIONAL MATCH (state:Actor {id: row.representsId})
WITH row, state
WHERE row.representsId IS NULL OR state IS NOT NULL OR NOT row.authoritative
MERGE (a:Actor {id: row.id})
ON CREATE SET a.createdAt = datetime(), a.name = row.name, a.kind = row.kind, a.aliases = [], a.nameKeys = [],
              a.confidence = row.confidence, a.source = row.source
WITH a, row, state,
     CASE WHEN row.authoritative THEN row.name ELSE a.name END AS name,
     row.authoritative AND row.aliases IS NOT NULL AS replacing
WITH a, row, state, name, replacing,
     CASE WHEN replacing THEN row.aliases
          ELSE coalesce(a.aliases, []) + [x IN coalesce(row.aliases, []) WHERE NOT x IN coalesce(a.aliases, []) AND x <> name]
     END AS aliases
SET a.name = name,
    a.kind = CASE WHEN row.authoritative THEN row.kind ELSE a.kind END,
    a.aliases = aliases,
    a.nameKeys = CASE WHEN replacing THEN row.nameKeys
                      ELSE coalesce(a.nameKeys, []) + [k IN row.nameKeys WHERE NOT k IN coalesce(a.nameKeys, [])] END,
    a.searchText = reduce(s = name, x IN aliases | s + ' | ' + x)
REMOVE a:State:Person:Organization
FOREACH (_ IN CASE WHEN a.kind = 'STATE' THEN [1] ELSE [] END | SET a:State)
FOREACH (_ IN CASE WHEN a.kind = 'PERSON' THEN [1] ELSE [] END | SET a:Person)
FOREACH (_ IN CASE WHEN a.kind = 'ORGANIZATION' THEN [1] ELSE [] END | SET a:Organization)
WITH a, row, state
CALL (a, row, state) {
  WITH a, row, state
  WHERE state IS NOT NULL AND state <> a AND (row.authoritative OR NOT EXISTS { (a)-[:REPRESENTS]->(:Actor) })
  OPTIONAL MATCH (a)-[old:REPRESENTS]->(other:Actor) WHERE other <> state
  DELETE old
  WITH DISTINCT a, row, state
  MERGE (a)-[r:REPRESENTS]->(state)
  SET r.role = row.role
}
CALL (a, row) {
  WITH a, row WHERE row.isNew AND row.quote IS NOT NULL
  MATCH (art:Article {id: row.articleId})
  MERGE (a)-[i:INTRODUCED_IN]->(art)
  SET i.quote = row.quote, i.charStart = row.charStart, i.charEnd = row.charEnd, i.confidence = row.confidence
}
RETURN a.id AS id, a.name AS name, a.kind AS kind, coalesce(a.aliases, []) AS aliases
