// Each actor's stance on each proposal as of a date (null: now): the latest
// PROPOSED or CONFIRMED stance effective on or before $asOf, among those
// recorded by $knownAsOf (an inclusive instant; null: all). Then the
// position filter, so "who opposes as of D" means their stance at D.
UNWIND $proposalIds AS proposalId
MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal {id: proposalId})
WHERE s.status IN ['PROPOSED', 'CONFIRMED']
  AND ($asOf IS NULL OR s.effectiveOn <= $asOf)
  AND ($knownAsOf IS NULL OR s.recordedAt <= datetime($knownAsOf))
WITH a, p, s ORDER BY coalesce(s.effectiveOn, '') DESC, s.recordedAt DESC, s.id DESC
WITH a, p, head(collect(s)) AS s
WHERE $position IS NULL OR s.position = $position
RETURN s.id AS id, s.position AS position, s.cue AS cue, coalesce(s.cues, []) AS cues,
       coalesce(s.conditions, []) AS conditions, s.statedOn AS statedOn, s.effectiveOn AS effectiveOn,
       s.confidence AS confidence, s.recordedAt AS recordedAt, s.status AS status, s.rule AS rule,
       a.id AS actorId, p.id AS proposalId,
       COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp.id ORDER BY sp.id LIMIT 1 }[0] AS speakerId
ORDER BY p.id, a.id
