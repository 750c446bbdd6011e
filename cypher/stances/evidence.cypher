UNWIND $stanceIds AS stanceId
MATCH (s:Stance {id: stanceId})-[e:EVIDENCED_BY]->(art:Article)
RETURN s.id AS stanceId, e.quote AS quote, e.charStart AS charStart, e.charEnd AS charEnd,
       art.id AS articleId, coalesce(art.reportId, art.id) AS reportId
ORDER BY s.id, art.publishedOn, art.id, e.charStart
