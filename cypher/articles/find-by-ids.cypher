UNWIND $ids AS id
MATCH (art:Article {id: id})
RETURN art.id AS id, art.url AS url, art.title AS title, art.publishedOn AS publishedOn,
       art.textHash AS textHash, toString(art.recordedAt) AS recordedAt,
       COLLECT { MATCH (art)-[:PUBLISHED_BY]->(o:Outlet) RETURN o.name LIMIT 1 }[0] AS outlet,
       COLLECT { MATCH (art)-[:SAME_REPORT_AS]-(o:Article) RETURN DISTINCT o.id ORDER BY o.id } AS sameReportIds
