// The quotes behind each stance, with their articles as the articles loader
// caches them (articles/find-by-ids), so evidence { article } costs no
// statement; each article is read once however many quotes it backs.
UNWIND $stanceIds AS stanceId
MATCH (s:Stance {id: stanceId})-[e:EVIDENCED_BY]->(art:Article)
WITH art, collect({s: s, e: e}) AS uses
WITH art, uses, art {.id, .url, .title, .publishedOn, .textHash, recordedAt: toString(art.recordedAt),
                     outlet: COLLECT { MATCH (art)-[:PUBLISHED_BY]->(o:Outlet) RETURN o.name LIMIT 1 }[0],
                     sameReportIds: COLLECT { MATCH (art)-[:SAME_REPORT_AS]-(o:Article) RETURN DISTINCT o.id ORDER BY o.id }} AS article
UNWIND uses AS use
WITH use.s AS s, use.e AS e, art, article
RETURN s.id AS stanceId, e.quote AS quote, e.charStart AS charStart, e.charEnd AS charEnd, e.marks AS marks,
       art.id AS articleId, coalesce(art.reportId, art.id) AS reportId, article
ORDER BY s.id, art.publishedOn, art.id, e.charStart
