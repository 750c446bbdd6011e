// An actor with the states it speaks for and (with $withStances) a page of
// its live stances oldest first: how many there are, then at most $limit
// after the cursor $after (a sortKey, as in stances/by-actors; null: from the
// start), each with its proposal, speaker and (with $withSourceCount) number
// of independent sources: what actor { represents stances { nodes { proposal
// speaker sourceCount } } } asks, read in one statement instead of one per
// field (README, Performance). The maps carry the columns of
// actors/find-by-ids, actors/representations and stances/by-actors, so the
// request's loaders cache them as those would.
MATCH (a:Actor {id: $id})
CALL (a) {
  MATCH (a)-[r:REPRESENTS]->(state:Actor)
  WITH r, state ORDER BY state.id
  RETURN collect({actorId: a.id, role: r.role, state: state {.id, .name, .kind, aliases: coalesce(state.aliases, [])}}) AS representations
}
CALL (a) {
  UNWIND CASE WHEN $withStances THEN [a] ELSE [] END AS holder
  MATCH (holder)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal)
  WHERE s.status IN $liveStatuses
  WITH s, p, coalesce(s.effectiveOn, '') + ' ' + p.id + ' ' + s.id AS sortKey
  ORDER BY sortKey
  RETURN collect({s: s, p: p, sortKey: sortKey}) AS matched
}
WITH a, representations, size(matched) AS totalCount, [m IN matched WHERE $after IS NULL OR m.sortKey > $after] AS rest
WITH a, representations, totalCount, CASE WHEN $limit IS NULL THEN rest ELSE rest[0..$limit] END AS page
CALL (a, page) {
  UNWIND page AS m
  WITH m.s AS s, m.p AS p, m.sortKey AS sortKey
  WITH s, p, sortKey, COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp {.id, .name, .kind, aliases: coalesce(sp.aliases, [])} ORDER BY sp.id LIMIT 1 }[0] AS speaker
  RETURN collect(s {.id, .position, .cue, cues: coalesce(s.cues, []), conditions: coalesce(s.conditions, []),
                    .statedOn, .effectiveOn, .confidence, recordedAt: toString(s.recordedAt), .status, .rule, version: coalesce(s.version, 0),
                    actorId: a.id, proposalId: p.id, speakerId: speaker.id, sortKey: sortKey,
                    sourceCount: CASE WHEN $withSourceCount THEN COUNT { MATCH (s)-[:EVIDENCED_BY]->(art:Article) RETURN DISTINCT coalesce(art.reportId, art.id) } END,
                    speaker: speaker, proposal: p {.id, .name, .summary, aliases: coalesce(p.aliases, []), .proposedOn}}) AS rows
}
RETURN a {.id, .name, .kind, aliases: coalesce(a.aliases, [])} AS actor, representations,
       CASE WHEN $withStances THEN {totalCount: totalCount, rows: rows} END AS stances
