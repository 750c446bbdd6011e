// The stances already evidenced by the report an article belongs to (the
// article, its reprints and revisions): a reprint adds evidence to these.
MATCH (:Article {id: $articleId})-[:SAME_REPORT_AS*0..5]-(art:Article)
MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:EVIDENCED_BY]->(art)
MATCH (s)-[:ON]->(p:Proposal)
RETURN DISTINCT s.id AS id, a.id AS actorId, p.id AS proposalId, s.position AS position, s.statedOn AS statedOn
