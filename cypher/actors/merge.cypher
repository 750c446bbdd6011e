// Folds actor $mergeId into $keepId: every relationship of the merged actor
// moves to the kept one (stances were re-keyed by the service beforehand),
// its name and aliases become aliases of the kept one, and it is deleted.
MATCH (keep:Actor {id: $keepId})
MATCH (gone:Actor {id: $mergeId})
WHERE keep <> gone
CALL (keep, gone) {
  MATCH (gone)-[r:REPRESENTS]->(state) WHERE state <> keep
  MERGE (keep)-[n:REPRESENTS]->(state) SET n.role = coalesce(n.role, r.role)
}
CALL (keep, gone) {
  MATCH (member)-[r:REPRESENTS]->(gone) WHERE member <> keep
  MERGE (member)-[n:REPRESENTS]->(keep) SET n.role = coalesce(n.role, r.role)
}
CALL (keep, gone) {
  MATCH (gone)-[r:PROPOSED]->(p)
  MERGE (keep)-[n:PROPOSED]->(p) SET n.on = coalesce(n.on, r.on)
}
CALL (keep, gone) {
  MATCH (s:Stance)-[:VOICED_BY]->(gone)
  MERGE (s)-[:VOICED_BY]->(keep)
}
WITH keep, gone, coalesce(keep.aliases, []) + [x IN [gone.name] + coalesce(gone.aliases, []) WHERE NOT x IN coalesce(keep.aliases, []) AND x <> keep.name] AS aliases
// searchText as every write of a name makes it (actors/upsert, proposals/upsert): the name and aliases joined by ' | '.
SET keep.aliases = aliases,
    keep.nameKeys = coalesce(keep.nameKeys, []) + [k IN coalesce(gone.nameKeys, []) WHERE NOT k IN coalesce(keep.nameKeys, [])],
    keep.searchText = reduce(s = keep.name, x IN aliases | s + ' | ' + x)
DETACH DELETE gone
RETURN keep.id AS id
