// Every stance on the proposals, oldest first (the record, not only the current picture).
UNWIND $proposalIds AS proposalId
MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal {id: proposalId})
WHERE s.status IN $statuses
  AND ($position IS NULL OR s.position = $position)
  AND ($knownAsOf IS NULL OR s.recordedAt <= datetime($knownAsOf))
// The holder and the speaker come along as the actors loader caches them
// (actors/find-by-ids), so the Actor fields of a stance list cost no statement.
WITH a, p, s, COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp {.id, .name, .kind, aliases: coalesce(sp.aliases, [])} ORDER BY sp.id LIMIT 1 }[0] AS speaker
RETURN s.id AS id, s.position AS position, s.cue AS cue, coalesce(s.cues, []) AS cues,
       coalesce(s.conditions, []) AS conditions, s.statedOn AS statedOn, s.effectiveOn AS effectiveOn,
       s.confidence AS confidence, toString(s.recordedAt) AS recordedAt, s.status AS status, s.rule AS rule,
       a.id AS actorId, p.id AS proposalId, speaker.id AS speakerId,
       a {.id, .name, .kind, aliases: coalesce(a.aliases, [])} AS actor, speaker
ORDER BY p.id, coalesce(s.effectiveOn, ''), a.id, s.id
