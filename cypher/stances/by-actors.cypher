// An actor's stances, optionally on one proposal and inside a date window, oldest first.
UNWIND $actorIds AS actorId
MATCH (a:Actor {id: actorId})-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal)
WHERE s.status IN $liveStatuses
  AND ($proposalId IS NULL OR p.id = $proposalId)
  AND ($from IS NULL OR s.effectiveOn >= $from)
  AND ($to IS NULL OR s.effectiveOn <= $to)
  AND ($knownAsOf IS NULL OR s.recordedAt <= datetime($knownAsOf))
// The holder, the speaker and the proposal come along as the actors and
// proposals loaders cache them (actors/find-by-ids, proposals/find-by-ids),
// so the Actor and Proposal fields of a timeline cost no statement.
WITH a, p, s, COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp {.id, .name, .kind, aliases: coalesce(sp.aliases, [])} ORDER BY sp.id LIMIT 1 }[0] AS speaker
RETURN s.id AS id, s.position AS position, s.cue AS cue, coalesce(s.cues, []) AS cues,
       coalesce(s.conditions, []) AS conditions, s.statedOn AS statedOn, s.effectiveOn AS effectiveOn,
       s.confidence AS confidence, toString(s.recordedAt) AS recordedAt, s.status AS status, s.rule AS rule,
       a.id AS actorId, p.id AS proposalId, speaker.id AS speakerId,
       a {.id, .name, .kind, aliases: coalesce(a.aliases, [])} AS actor, speaker,
       p {.id, .name, .summary, aliases: coalesce(p.aliases, []), .proposedOn} AS proposal
ORDER BY a.id, coalesce(s.effectiveOn, ''), p.id, s.id
