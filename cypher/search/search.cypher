// Actors and proposals by name or alias: an exact key match (any spelling
// that normalises alike: "Moon Jae In" = "Moon Jae-in") ranks first, then
// full-text matches. $lucene is built from escaped terms by the service; a
// key is letters a-z and digits only (nameKey), so it is a term as it is,
// looked up in the keyword indexes of schema/004 (none when it is empty).
CALL () {
  UNWIND CASE WHEN $key = '' THEN [] ELSE [$key] END AS key
  CALL db.index.fulltext.queryNodes('actor_name_keys', key) YIELD node
  RETURN 'Actor' AS type, node.id AS id, 100.0 AS score
  UNION
  UNWIND CASE WHEN $key = '' THEN [] ELSE [$key] END AS key
  CALL db.index.fulltext.queryNodes('proposal_name_keys', key) YIELD node
  RETURN 'Proposal' AS type, node.id AS id, 100.0 AS score
  UNION
  CALL db.index.fulltext.queryNodes('actor_search', $lucene) YIELD node, score
  RETURN 'Actor' AS type, node.id AS id, score
  UNION
  CALL db.index.fulltext.queryNodes('proposal_search', $lucene) YIELD node, score
  RETURN 'Proposal' AS type, node.id AS id, score
}
WITH type, id, max(score) AS score
RETURN type, id, score
ORDER BY score DESC, id
LIMIT $limit
