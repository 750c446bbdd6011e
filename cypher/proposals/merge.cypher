// Folds proposal $mergeId into $keepId: who put it forward and the articles
// that introduced it move to the kept one (stances were re-keyed by the
// service beforehand), its name and aliases become aliases of the kept one,
// what the kept one lacks (summary, date) is taken from it, and it is deleted
// with its current-stance edges (the service rewrites the kept one's).
MATCH (keep:Proposal {id: $keepId})
MATCH (gone:Proposal {id: $mergeId})
WHERE keep <> gone
CALL (keep, gone) {
  MATCH (actor)-[r:PROPOSED]->(gone)
  WHERE NOT EXISTS { (:Actor {kind: actor.kind})-[:PROPOSED]->(keep) }
  MERGE (actor)-[n:PROPOSED]->(keep) SET n.on = coalesce(n.on, r.on)
}
CALL (keep, gone) {
  MATCH (gone)-[i:INTRODUCED_IN]->(art)
  MERGE (keep)-[n:INTRODUCED_IN]->(art)
  SET n.quote = coalesce(n.quote, i.quote), n.charStart = coalesce(n.charStart, i.charStart),
      n.charEnd = coalesce(n.charEnd, i.charEnd), n.confidence = coalesce(n.confidence, i.confidence)
}
WITH keep, gone, coalesce(keep.aliases, []) + [x IN [gone.name] + coalesce(gone.aliases, []) WHERE NOT x IN coalesce(keep.aliases, []) AND x <> keep.name] AS aliases
// searchText as every write of a name makes it (actors/upsert, proposals/upsert): the name and aliases joined by ' | '.
SET keep.aliases = aliases,
    keep.nameKeys = coalesce(keep.nameKeys, []) + [k IN coalesce(gone.nameKeys, []) WHERE NOT k IN coalesce(keep.nameKeys, [])],
    keep.searchText = reduce(s = keep.name, x IN aliases | s + ' | ' + x),
    keep.summary = coalesce(keep.summary, gone.summary),
    keep.proposedOn = coalesce(keep.proposedOn, gone.proposedOn)
DETACH DELETE gone
RETURN keep.id AS id
