// Actors and proposals by name or alias: an exact key match (any spelling
// that normalises alike: "Moon Jae In" = "Moon Jae-in") ranks first, then
// full-text matches. $lucene is built from escaped terms by the service.
CALL () {
  MATCH (a:Actor) WHERE $key IN a.nameKeys
  RETURN 'Actor' AS type, a.id AS id, 100.0 AS score
  UNION
  MATCH (p:Proposal) WHERE $key IN p.nameKeys
  RETURN 'Proposal' AS type, p.id AS id, 100.0 AS score
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
