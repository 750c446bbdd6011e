// The write benchmark's baseline: the articles of a batch of stances, as a
// bare UNWIND ... MERGE (what a hand-written loader would do; no report ids).
UNWIND $rows AS row
MERGE (art:Article {id: row.id})
SET art.url = row.url, art.title = row.title, art.publishedOn = row.publishedOn
WITH art, row
WHERE row.outlet IS NOT NULL
MERGE (o:Outlet {name: row.outlet})
MERGE (art)-[:PUBLISHED_BY]->(o)
RETURN count(*) AS rows
