// The amendments that made or changed each stance (it is the amended-to or
// the amended-from end), oldest first.
UNWIND $stanceIds AS stanceId
MATCH (s:Stance {id: stanceId})
MATCH (m:Amendment)-[:OF|TO]->(s)
WITH DISTINCT stanceId, m
MATCH (m)-[:OF]->(from:Stance)
MATCH (m)-[:TO]->(to:Stance)
RETURN stanceId, m.id AS id, m.by AS by, toString(m.at) AS at, m.fields AS fields, m.before AS before,
       m.after AS after, m.note AS note, coalesce(m.taught, []) AS taught, from.id AS fromId, to.id AS toId
ORDER BY stanceId, m.at, m.id
