// One actor by id. Labels follow the kind through an allow-list (FOREACH on a
// fixed enum), never through string building. A REPRESENTS target that does
// not exist stops the statement before anything is written (no row returned).
OPTIONAL MATCH (state:Actor {id: $representsId})
WITH state
WHERE $representsId IS NULL OR state IS NOT NULL
MERGE (a:Actor {id: $id})
ON CREATE SET a.createdAt = datetime()
SET a.name = $name,
    a.kind = $kind,
    a.aliases = coalesce($aliases, a.aliases, []),
    a.nameKeys = CASE WHEN $aliases IS NULL THEN [k IN coalesce(a.nameKeys, []) WHERE NOT k IN $nameKeys] + $nameKeys ELSE $nameKeys END,
    a.searchText = reduce(s = $name, x IN coalesce($aliases, a.aliases, []) | s + ' | ' + x)
REMOVE a:State:Person:Organization
FOREACH (_ IN CASE WHEN $kind = 'STATE' THEN [1] ELSE [] END | SET a:State)
FOREACH (_ IN CASE WHEN $kind = 'PERSON' THEN [1] ELSE [] END | SET a:Person)
FOREACH (_ IN CASE WHEN $kind = 'ORGANIZATION' THEN [1] ELSE [] END | SET a:Organization)
WITH a, state
CALL (a, state) {
  WITH a, state WHERE state IS NOT NULL
  OPTIONAL MATCH (a)-[old:REPRESENTS]->(other:Actor) WHERE other <> state
  DELETE old
  WITH DISTINCT a, state
  MERGE (a)-[r:REPRESENTS]->(state)
  SET r.role = $role
}
RETURN a.id AS id, a.name AS name, a.kind AS kind, a.aliases AS aliases
