// Actors and proposals by name or alias: an exact key match (any spelling
// that normalises alike: "Moon Jae In" = "Moon Jae-in") ranks first, then
// full-text matches. $lucene is built from escaped terms by the service; a
// key is letters a-z and digits only (nameKey), so it is a term as it is,
// looked up in the keyword indexes of schema/004 (none when it is empty).
// Each hit comes with its node's fields (the columns of actors/find-by-ids
// and proposals/find-by-ids), so a search is one statement.
CALL () {
  UNWIND CASE WHEN $key = '' THEN [] ELSE [$key] END AS key
  CALL db.index.fulltext.queryNodes('actor_name_keys', key) YIELD node
  RETURN 'Actor' AS type, node, 100.0 AS score
  UNION
  UNWIND CASE WHEN $key = '' THEN [] ELSE [$key] END AS key
  CALL db.index.fulltext.queryNodes('proposal_name_keys', key) YIELD node
  RETURN 'Proposal' AS type, node, 100.0 AS score
  UNION
  CALL db.index.fulltext.queryNodes('actor_search', $lucene) YIELD node, score
  RETURN 'Actor' AS type, node, score
  UNION
  CALL db.index.fulltext.queryNodes('proposal_search', $lucene) YIELD node, score
  RETURN 'Proposal' AS type, node, score
}
WITH type, node, max(score) AS score
ORDER BY score DESC, node.id
LIMIT $limit
RETURN type, score,
       CASE type WHEN 'Actor' THEN node {.id, .name, .kind, aliases: coalesce(node.aliases, [])}
                 ELSE node {.id, .name, .summary, aliases: coalesce(node.aliases, []), .proposedOn} END AS node
