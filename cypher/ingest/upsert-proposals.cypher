// Proposals the extractor met in an article: new ones with the confidence
// and evidence that introduced them and who put them forward; known ones
// only gain aliases.
UNWIND $rows AS row
MERGE (p:Proposal {id: row.id})
ON CREATE SET p.createdAt = datetime(), p.name = row.name, p.aliases = [], p.nameKeys = [],
              p.proposedOn = row.proposedOn, p.confidence = row.confidence, p.source = 'extracted'
WITH p, row, [x IN row.aliases WHERE NOT x IN p.aliases AND x <> p.name] AS fresh
SET p.aliases = p.aliases + fresh,
    p.nameKeys = p.nameKeys + [k IN row.nameKeys WHERE NOT k IN p.nameKeys],
    p.searchText = reduce(s = p.name, x IN p.aliases + fresh | s + ' | ' + x),
    p.proposedOn = coalesce(p.proposedOn, row.proposedOn)
WITH p, row
CALL (p, row) {
  UNWIND [x IN [row.proposedById, row.proposerId] WHERE x IS NOT NULL] AS actorId
  MATCH (actor:Actor {id: actorId})
  WHERE NOT EXISTS { (:Actor {kind: actor.kind})-[:PROPOSED]->(p) }
  MERGE (actor)-[r:PROPOSED]->(p)
  SET r.on = coalesce(r.on, row.proposedOn)
}
CALL (p, row) {
  MATCH (art:Article {id: row.articleId})
  WHERE row.isNew AND row.quote IS NOT NULL
  MERGE (p)-[i:INTRODUCED_IN]->(art)
  SET i.quote = row.quote, i.charStart = row.charStart, i.charEnd = row.charEnd, i.confidence = row.confidence
}
RETURN count(p) AS proposals
