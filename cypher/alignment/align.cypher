// What an alignment is computed from, in one statement: the actors and the
// proposals asked about (to name them, and to tell a missing id), and each
// of those actors' stance on each of those proposals as of a date (null:
// now), among those recorded by $knownAsOf (an inclusive instant; null: all).
// It starts from the actors (ten, say) rather than the proposals (twenty, each
// with a hundred holders or more), and keeps their edges to the proposals
// asked about: PROFILE at 100k stances, now 2.6k db hits where looking each
// (actor, proposal) pair up between its two nodes took 7.4k, and the
// current-stance read of every holder of the proposals 22k.
// Now, the stance is the one the current-stance edge names (as in
// stances/current-by-proposals); as of a date, the latest live one effective
// by then. Each branch runs only for its case (its UNWIND is empty otherwise).
CALL () {
  UNWIND $actorIds AS id
  MATCH (a:Actor {id: id})
  RETURN collect(a {.id, .name, .kind, aliases: coalesce(a.aliases, [])}) AS actors
}
CALL () {
  UNWIND $proposalIds AS id
  MATCH (p:Proposal {id: id})
  RETURN collect(p {.id, .name, .summary, aliases: coalesce(p.aliases, []), .proposedOn}) AS proposals
}
CALL () {
  CALL () {
    UNWIND CASE WHEN $asOf IS NULL AND $knownAsOf IS NULL THEN $actorIds ELSE [] END AS actorId
    MATCH (a:Actor {id: actorId})-[c:SUPPORTS|OPPOSES|NONCOMMITTAL_ON]->(p)
    WHERE p.id IN $proposalIds
    MATCH (s:Stance {id: c.stanceId})
    RETURN a, p, s
    UNION ALL
    UNWIND CASE WHEN $asOf IS NULL AND $knownAsOf IS NULL THEN [] ELSE $actorIds END AS actorId
    MATCH (a:Actor {id: actorId})-[:HOLDS]->(s:Stance)-[:ON]->(p)
    WHERE p.id IN $proposalIds
      AND s.status IN $liveStatuses
      AND ($asOf IS NULL OR s.effectiveOn <= $asOf)
      AND ($knownAsOf IS NULL OR s.recordedAt <= datetime($knownAsOf))
    WITH a, p, s ORDER BY coalesce(s.effectiveOn, '') DESC, s.recordedAt DESC, s.id DESC
    WITH a, p, head(collect(s)) AS s
    RETURN a, p, s
  }
  WITH a, p, s ORDER BY p.id, a.id
  RETURN collect(s {.id, .position, .cue, cues: coalesce(s.cues, []), conditions: coalesce(s.conditions, []),
                    .statedOn, .effectiveOn, .confidence, recordedAt: toString(s.recordedAt), .status, .rule, version: coalesce(s.version, 0),
                    actorId: a.id, proposalId: p.id,
                    speakerId: COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp.id ORDER BY sp.id LIMIT 1 }[0]}) AS stances
}
RETURN actors, proposals, stances
