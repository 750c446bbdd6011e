// Each proposal's stances, oldest first (the record, not only the current
// picture), a page each: with how many match, the rows after the cursor
// $after (a sortKey; null: from the start), at most $limit of them (null:
// all, for the timeline, which groups them by actor). One pass over each
// proposal's stances, as stances/page-scoped reads one proposal's.
UNWIND $proposalIds AS proposalId
MATCH (p:Proposal {id: proposalId})
CALL (p) {
  MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p)
  WHERE s.status IN $statuses
    AND ($position IS NULL OR s.position = $position)
    AND ($knownAsOf IS NULL OR s.recordedAt <= datetime($knownAsOf))
  // A space sorts below every character of a date or an id: the key orders
  // as (effectiveOn, holder, id), undated first.
  WITH a, s, coalesce(s.effectiveOn, '') + ' ' + a.id + ' ' + s.id AS sortKey
  ORDER BY sortKey
  RETURN collect({a: a, s: s, sortKey: sortKey}) AS matched
}
WITH p, size(matched) AS totalCount, [m IN matched WHERE $after IS NULL OR m.sortKey > $after] AS rest
WITH p, totalCount, CASE WHEN $limit IS NULL THEN rest ELSE rest[0..$limit] END AS page
CALL (p, page) {
  UNWIND page AS m
  WITH m.a AS a, m.s AS s, m.sortKey AS sortKey
  // The holder and the speaker come along as the actors loader caches them
  // (actors/find-by-ids), so the Actor fields of a stance list cost no statement.
  WITH a, s, sortKey, COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp {.id, .name, .kind, aliases: coalesce(sp.aliases, [])} ORDER BY sp.id LIMIT 1 }[0] AS speaker
  RETURN collect(s {.id, .position, .cue, cues: coalesce(s.cues, []), conditions: coalesce(s.conditions, []),
                    .statedOn, .effectiveOn, .confidence, recordedAt: toString(s.recordedAt), .status, .rule, version: coalesce(s.version, 0),
                    actorId: a.id, proposalId: p.id, speakerId: speaker.id, sortKey: sortKey,
                    actor: a {.id, .name, .kind, aliases: coalesce(a.aliases, [])}, speaker: speaker}) AS rows
}
RETURN p.id AS proposalId, totalCount, rows
