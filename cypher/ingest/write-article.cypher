// An ingested article: metadata, the hash of its normalised text, its
// MinHash signature and LSH bands (for finding reprints later), its outlet.
MERGE (art:Article {id: $id})
ON CREATE SET art.recordedAt = datetime(), art.reportId = $id
SET art.url = coalesce($url, art.url),
    art.title = coalesce($title, art.title),
    art.publishedOn = coalesce($publishedOn, art.publishedOn),
    art.textHash = $textHash,
    art.signature = $signature,
    art.length = $length,
    art.revisions = $revisions
WITH art
CALL (art) {
  WITH art WHERE $outlet IS NOT NULL
  MERGE (o:Outlet {name: $outlet})
  MERGE (art)-[:PUBLISHED_BY]->(o)
}
CALL (art) {
  UNWIND $bands AS key
  MERGE (b:MinHashBand {key: key})
  MERGE (art)-[:IN_BAND]->(b)
}
RETURN art.id AS id
