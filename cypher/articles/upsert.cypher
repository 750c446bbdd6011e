// Articles as metadata (and, for ingested ones, the hash of their text).
// reportId names the report an article carries: its own id unless it was
// linked as a reprint or revision of another.
UNWIND $rows AS row
MERGE (art:Article {id: row.id})
ON CREATE SET art.recordedAt = datetime(), art.reportId = row.id
SET art.url = coalesce(row.url, art.url),
    art.title = coalesce(row.title, art.title),
    art.publishedOn = coalesce(row.publishedOn, art.publishedOn),
    art.textHash = coalesce(row.textHash, art.textHash)
WITH art, row
CALL (art, row) {
  WITH art, row WHERE row.outlet IS NOT NULL
  MERGE (o:Outlet {name: row.outlet})
  MERGE (art)-[:PUBLISHED_BY]->(o)
}
RETURN art.id AS id
