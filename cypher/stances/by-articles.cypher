// What each article contributed: the stances it is evidence for.
UNWIND $articleIds AS articleId
MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:EVIDENCED_BY]->(art:Article {id: articleId})
MATCH (s)-[:ON]->(p:Proposal)
WITH DISTINCT art, a, s, p
RETURN art.id AS articleId, s.id AS id, s.position AS position, s.cue AS cue, coalesce(s.cues, []) AS cues,
       coalesce(s.conditions, []) AS conditions, s.statedOn AS statedOn, s.effectiveOn AS effectiveOn,
       s.confidence AS confidence, toString(s.recordedAt) AS recordedAt, s.status AS status, s.rule AS rule, coalesce(s.version, 0) AS version,
       a.id AS actorId, p.id AS proposalId,
       COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp.id ORDER BY sp.id LIMIT 1 }[0] AS speakerId
ORDER BY art.id, p.id, a.id
