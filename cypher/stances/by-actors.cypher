// Each actor's live stances, optionally on one proposal and inside a date
// window, oldest first, a page each: with how many match, the rows after the
// cursor $after (a sortKey; null: from the start), at most $limit of them
// (null: all). One pass over each actor's stances, as stances/page-scoped
// reads one actor's.
UNWIND $actorIds AS actorId
MATCH (a:Actor {id: actorId})
CALL (a) {
  MATCH (a)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal)
  WHERE s.status IN $liveStatuses
    AND ($proposalId IS NULL OR p.id = $proposalId)
    AND ($from IS NULL OR s.effectiveOn >= $from)
    AND ($to IS NULL OR s.effectiveOn <= $to)
    AND ($knownAsOf IS NULL OR s.recordedAt <= datetime($knownAsOf))
  // A space sorts below every character of a date or an id: the key orders
  // as (effectiveOn, proposal, id), undated first.
  WITH p, s, coalesce(s.effectiveOn, '') + ' ' + p.id + ' ' + s.id AS sortKey
  ORDER BY sortKey
  RETURN collect({p: p, s: s, sortKey: sortKey}) AS matched
}
WITH a, size(matched) AS totalCount, [m IN matched WHERE $after IS NULL OR m.sortKey > $after] AS rest
WITH a, totalCount, CASE WHEN $limit IS NULL THEN rest ELSE rest[0..$limit] END AS page
CALL (a, page) {
  UNWIND page AS m
  WITH m.p AS p, m.s AS s, m.sortKey AS sortKey
  // The holder, the speaker and the proposal come along as the actors and
  // proposals loaders cache them (actors/find-by-ids, proposals/find-by-ids),
  // so the Actor and Proposal fields of a timeline cost no statement.
  WITH p, s, sortKey, COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp {.id, .name, .kind, aliases: coalesce(sp.aliases, [])} ORDER BY sp.id LIMIT 1 }[0] AS speaker
  RETURN collect(s {.id, .position, .cue, cues: coalesce(s.cues, []), conditions: coalesce(s.conditions, []),
                    .statedOn, .effectiveOn, .confidence, recordedAt: toString(s.recordedAt), .status, .rule, version: coalesce(s.version, 0),
                    actorId: a.id, proposalId: p.id, speakerId: speaker.id, sortKey: sortKey,
                    actor: a {.id, .name, .kind, aliases: coalesce(a.aliases, [])}, speaker: speaker,
                    proposal: p {.id, .name, .summary, aliases: coalesce(p.aliases, []), .proposedOn}}) AS rows
}
RETURN a.id AS actorId, totalCount, rows
