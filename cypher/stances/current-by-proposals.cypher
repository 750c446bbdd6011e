// Each actor's stance on each proposal as of a date (null: now): the latest
// PROPOSED or CONFIRMED stance effective on or before $asOf, among those
// recorded by $knownAsOf (an inclusive instant; null: all). Then the
// position filter, so "who opposes as of D" means their stance at D.
// Now (no $asOf, no $knownAsOf), that stance is the one the current-stance
// edge names: refresh-current rewrites the edge by the same order in the
// transaction of every change, so it is read from the edge, one hop per
// actor, instead of sorting every stance on the proposal. Each branch runs
// only for its case (its UNWIND is empty otherwise).
CALL () {
  UNWIND CASE WHEN $asOf IS NULL AND $knownAsOf IS NULL THEN $proposalIds ELSE [] END AS proposalId
  MATCH (a:Actor)-[c:SUPPORTS|OPPOSES|NONCOMMITTAL_ON]->(p:Proposal {id: proposalId})
  MATCH (s:Stance {id: c.stanceId})
  WHERE (a)-[:HOLDS]->(s)
  RETURN a, p, s
  UNION ALL
  UNWIND CASE WHEN $asOf IS NULL AND $knownAsOf IS NULL THEN [] ELSE $proposalIds END AS proposalId
  MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal {id: proposalId})
  WHERE s.status IN $liveStatuses
    AND ($asOf IS NULL OR s.effectiveOn <= $asOf)
    AND ($knownAsOf IS NULL OR s.recordedAt <= datetime($knownAsOf))
  WITH a, p, s ORDER BY coalesce(s.effectiveOn, '') DESC, s.recordedAt DESC, s.id DESC
  WITH a, p, head(collect(s)) AS s
  RETURN a, p, s
}
WITH a, p, s
WHERE $position IS NULL OR s.position = $position
// A page of each proposal's stances in holder order: with how many match, the
// rows after the cursor $after (a holder id; null: from the start), at most
// $limit of them (null: all, for currentStances).
WITH p, a, s ORDER BY a.id
WITH p, collect({a: a, s: s, sortKey: a.id}) AS matched
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
