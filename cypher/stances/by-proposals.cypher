// Every stance on the proposals, oldest first (the record, not only the current picture).
UNWIND $proposalIds AS proposalId
MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal {id: proposalId})
WHERE s.status IN $statuses
  AND ($position IS NULL OR s.position = $position)
  AND ($knownAsOf IS NULL OR s.recordedAt <= datetime($knownAsOf))
RETURN s.id AS id, s.position AS position, s.cue AS cue, coalesce(s.cues, []) AS cues,
       coalesce(s.conditions, []) AS conditions, s.statedOn AS statedOn, s.effectiveOn AS effectiveOn,
       s.confidence AS confidence, s.recordedAt AS recordedAt, s.status AS status, s.rule AS rule,
       a.id AS actorId, p.id AS proposalId,
       COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp.id ORDER BY sp.id LIMIT 1 }[0] AS speakerId
ORDER BY p.id, coalesce(s.effectiveOn, ''), a.id, s.id
