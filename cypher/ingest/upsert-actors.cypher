// Actors the extractor met in an article. New ones are created with the
// confidence and the evidence that introduced them; known ones only gain
// aliases (a new spelling) and, for persons, the state they speak for.
UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a.createdAt = datetime(), a.name = row.name, a.kind = row.kind, a.aliases = [],
              a.nameKeys = [], a.confidence = row.confidence, a.source = 'extracted'
WITH a, row, [x IN row.aliases WHERE NOT x IN a.aliases AND x <> a.name] AS fresh
SET a.aliases = a.aliases + fresh,
    a.nameKeys = a.nameKeys + [k IN row.nameKeys WHERE NOT k IN a.nameKeys],
    a.searchText = reduce(s = a.name, x IN a.aliases + fresh | s + ' | ' + x)
FOREACH (_ IN CASE WHEN a.kind = 'STATE' THEN [1] ELSE [] END | SET a:State)
FOREACH (_ IN CASE WHEN a.kind = 'PERSON' THEN [1] ELSE [] END | SET a:Person)
FOREACH (_ IN CASE WHEN a.kind = 'ORGANIZATION' THEN [1] ELSE [] END | SET a:Organization)
WITH a, row
CALL (a, row) {
  MATCH (state:Actor {id: row.representsId})
  WHERE state <> a AND NOT EXISTS { (a)-[:REPRESENTS]->(:Actor) }
  MERGE (a)-[r:REPRESENTS]->(state)
  SET r.role = row.role
}
CALL (a, row) {
  MATCH (art:Article {id: row.articleId})
  WHERE row.isNew AND row.quote IS NOT NULL
  MERGE (a)-[i:INTRODUCED_IN]->(art)
  SET i.quote = row.quote, i.charStart = row.charStart, i.charEnd = row.charEnd, i.confidence = row.confidence
}
RETURN count(a) AS actors
