// Marks $id as carrying the same report as $otherId (a reprint or a
// revision): evidence from both then counts as one source.
MATCH (art:Article {id: $id})
MATCH (other:Article {id: $otherId})
WHERE art <> other
MERGE (art)-[:SAME_REPORT_AS]->(other)
SET art.reportId = other.reportId
WITH art
MATCH (art)<-[:SAME_REPORT_AS*0..]-(earlier:Article)
SET earlier.reportId = art.reportId
RETURN art.id AS id, art.reportId AS reportId
