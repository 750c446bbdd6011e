// Live stances new since a date, newest first: by when they were recorded
// ($recordedSince, an instant) or by when they took effect ($since, an ISO
// date compared with effectiveOn). The service passes exactly one of the two.
MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal)
WHERE s.status IN $liveStatuses
  AND ($recordedSince IS NULL OR s.recordedAt >= datetime($recordedSince))
  AND ($since IS NULL OR s.effectiveOn >= $since)
WITH a, s, p ORDER BY CASE WHEN $since IS NULL THEN '' ELSE coalesce(s.effectiveOn, '') END DESC, s.recordedAt DESC, s.id DESC
LIMIT $limit
RETURN s.id AS id, s.position AS position, s.cue AS cue, coalesce(s.cues, []) AS cues,
       coalesce(s.conditions, []) AS conditions, s.statedOn AS statedOn, s.effectiveOn AS effectiveOn,
       s.confidence AS confidence, toString(s.recordedAt) AS recordedAt, s.status AS status, s.rule AS rule, coalesce(s.version, 0) AS version,
       a.id AS actorId, p.id AS proposalId,
       COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp.id ORDER BY sp.id LIMIT 1 }[0] AS speakerId
