// A page of stances over the whole graph (no proposal or actor named: those
// pages are stances/page-scoped, which StancesRepository picks then), in
// (effectiveOn, id) order (the cursor is that key), with the number of
// stances the filter matches (with $withCount; otherwise 0). Each part in its
// own subquery, so an empty page still answers the count; they share the
// filter, written out in each, so that neither collects the whole graph: the
// count keeps no rows, the page no more than $limit. Filters as in
// page-scoped, less the proposal and actor it names.
CALL () {
  UNWIND CASE WHEN $withCount THEN [true] ELSE [] END AS counted
  MATCH (s:Stance)-[:ON]->(p:Proposal)
  MATCH (a:Actor)-[:HOLDS]->(s)
  WHERE ($position IS NULL OR s.position = $position)
    AND s.status IN $statuses
    AND ($from IS NULL OR s.effectiveOn >= $from)
    AND ($to IS NULL OR s.effectiveOn <= $to)
    AND ($knownAsOf IS NULL OR s.recordedAt <= datetime($knownAsOf))
    // With $asOf, only the stance in force then: no later one (by effectiveOn,
    // recordedAt, id) of the same actor on the same proposal is effective by $asOf.
    AND ($asOf IS NULL OR (s.effectiveOn <= $asOf AND NOT EXISTS {
          MATCH (a)-[:HOLDS]->(later:Stance)-[:ON]->(p)
          WHERE later.status IN $statuses AND later.effectiveOn <= $asOf
            AND ($knownAsOf IS NULL OR later.recordedAt <= datetime($knownAsOf))
            AND (later.effectiveOn > s.effectiveOn
                 OR (later.effectiveOn = s.effectiveOn AND (later.recordedAt > s.recordedAt
                     OR (later.recordedAt = s.recordedAt AND later.id > s.id)))) }))
    AND ($outlet IS NULL OR EXISTS { (s)-[:EVIDENCED_BY]->(:Article)-[:PUBLISHED_BY]->(:Outlet {name: $outlet}) })
  RETURN count(s) AS totalCount
}
CALL () {
  MATCH (s:Stance)-[:ON]->(p:Proposal)
  MATCH (a:Actor)-[:HOLDS]->(s)
  WHERE ($position IS NULL OR s.position = $position)
    AND s.status IN $statuses
    AND ($from IS NULL OR s.effectiveOn >= $from)
    AND ($to IS NULL OR s.effectiveOn <= $to)
    AND ($knownAsOf IS NULL OR s.recordedAt <= datetime($knownAsOf))
    // With $asOf, only the stance in force then: no later one (by effectiveOn,
    // recordedAt, id) of the same actor on the same proposal is effective by $asOf.
    AND ($asOf IS NULL OR (s.effectiveOn <= $asOf AND NOT EXISTS {
          MATCH (a)-[:HOLDS]->(later:Stance)-[:ON]->(p)
          WHERE later.status IN $statuses AND later.effectiveOn <= $asOf
            AND ($knownAsOf IS NULL OR later.recordedAt <= datetime($knownAsOf))
            AND (later.effectiveOn > s.effectiveOn
                 OR (later.effectiveOn = s.effectiveOn AND (later.recordedAt > s.recordedAt
                     OR (later.recordedAt = s.recordedAt AND later.id > s.id)))) }))
    AND ($outlet IS NULL OR EXISTS { (s)-[:EVIDENCED_BY]->(:Article)-[:PUBLISHED_BY]->(:Outlet {name: $outlet}) })
  WITH a, s, p, coalesce(s.effectiveOn, '') + '|' + s.id AS sortKey
  WHERE $after IS NULL OR sortKey > $after
  WITH a, s, p, sortKey ORDER BY sortKey LIMIT $limit
  // The holder comes along as the actors loader caches it (actors/find-by-ids).
  RETURN collect(s {.id, .position, .cue, cues: coalesce(s.cues, []), conditions: coalesce(s.conditions, []),
                    .statedOn, .effectiveOn, .confidence, recordedAt: toString(s.recordedAt), .status, .rule, version: coalesce(s.version, 0),
                    actorId: a.id, proposalId: p.id,
                    speakerId: COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp.id ORDER BY sp.id LIMIT 1 }[0],
                    actor: a {.id, .name, .kind, aliases: coalesce(a.aliases, [])}, sortKey: sortKey}) AS rows
}
RETURN totalCount, rows
