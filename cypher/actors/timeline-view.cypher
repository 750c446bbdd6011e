// An actor with the states it speaks for and (with $withStances) its live
// stances oldest first, each with its proposal, speaker and (with
// $withSourceCount) number of independent sources: what actor { represents stances { proposal speaker
// sourceCount } } asks, read in one
// statement instead of one per field (README, Performance). The maps carry
// the columns of actors/find-by-ids, actors/representations and
// stances/by-actors, so the request's loaders cache them as those would.
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
  WITH s, p ORDER BY coalesce(s.effectiveOn, ''), p.id, s.id
  WITH s, p, COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp {.id, .name, .kind, aliases: coalesce(sp.aliases, [])} ORDER BY sp.id LIMIT 1 }[0] AS speaker
  RETURN collect(s {.id, .position, .cue, cues: coalesce(s.cues, []), conditions: coalesce(s.conditions, []),
                    .statedOn, .effectiveOn, .confidence, recordedAt: toString(s.recordedAt), .status, .rule,
                    actorId: a.id, proposalId: p.id, speakerId: speaker.id,
                    sourceCount: CASE WHEN $withSourceCount THEN COUNT { MATCH (s)-[:EVIDENCED_BY]->(art:Article) RETURN DISTINCT coalesce(art.reportId, art.id) } END,
                    speaker: speaker, proposal: p {.id, .name, .summary, aliases: coalesce(p.aliases, []), .proposedOn}}) AS stances
}
RETURN a {.id, .name, .kind, aliases: coalesce(a.aliases, [])} AS actor, representations,
       CASE WHEN $withStances THEN stances END AS stances
