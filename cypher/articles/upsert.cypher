// Articles by id: the one write of an article, for evidence an analyst
// names, the demo graph and ingestion alike. Ingested articles also carry the
// hash of their normalised text, their MinHash signature and LSH bands (for
// finding reprints later), their length, revision count and normalised text
// (for reading them again at the review desk); other rows leave
// those as they are. reportId names the report an article carries: its own
// id unless it was linked as a reprint or revision of another.
UNWIND $rows AS row
MERGE (art:Article {id: row.id})
ON CREATE SET art.recordedAt = datetime(), art.reportId = row.id
SET art.url = coalesce(row.url, art.url),
    art.title = coalesce(row.title, art.title),
    art.publishedOn = coalesce(row.publishedOn, art.publishedOn),
    art.textHash = coalesce(row.textHash, art.textHash),
    art.signature = coalesce(row.signature, art.signature),
    art.length = coalesce(row.length, art.length),
    art.revisions = coalesce(row.revisions, art.revisions),
    art.text = coalesce(row.text, art.text)
WITH art, row
CALL (art, row) {
  WITH art, row WHERE row.outlet IS NOT NULL
  MERGE (o:Outlet {name: row.outlet})
  MERGE (art)-[:PUBLISHED_BY]->(o)
}
CALL (art, row) {
  UNWIND coalesce(row.bands, []) AS key
  MERGE (b:MinHashBand {key: key})
  MERGE (art)-[:IN_BAND]->(b)
}
RETURN art.id AS id
