// A page of the stances of one proposal or one actor (the filter names one:
// StancesRepository picks this statement then, page.cypher otherwise), in
// (effectiveOn, id) order, with how many match, from one pass over them: a
// proposal's or an actor's stances are few enough to collect, count and
// sort together (page.cypher, which may range over every stance, reads the
// filter twice instead, so that nothing collects the whole graph).
// Filters as in page.cypher.
CALL () {
  UNWIND CASE WHEN $proposalId IS NULL THEN [] ELSE [$proposalId] END AS proposalId
  MATCH (s:Stance)-[:ON]->(p:Proposal {id: proposalId})
  RETURN s, p
  UNION ALL
  UNWIND CASE WHEN $proposalId IS NULL AND $actorId IS NOT NULL THEN [$actorId] ELSE [] END AS actorId
  MATCH (:Actor {id: actorId})-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal)
  RETURN s, p
}
MATCH (a:Actor)-[:HOLDS]->(s)
WHERE ($actorId IS NULL OR a.id = $actorId)
  AND ($proposalId IS NULL OR p.id = $proposalId)
  AND ($position IS NULL OR s.position = $position)
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
ORDER BY sortKey
WITH collect({a: a, s: s, p: p, sortKey: sortKey}) AS matched
WITH CASE WHEN $withCount THEN size(matched) ELSE 0 END AS totalCount,
     [m IN matched WHERE $after IS NULL OR m.sortKey > $after][0..$limit] AS page
CALL (page) {
  UNWIND page AS m
  WITH m.a AS a, m.s AS s, m.p AS p, m.sortKey AS sortKey
  // The holder comes along as the actors loader caches it (actors/find-by-ids).
  RETURN collect(s {.id, .position, .cue, cues: coalesce(s.cues, []), conditions: coalesce(s.conditions, []),
                    .statedOn, .effectiveOn, .confidence, recordedAt: toString(s.recordedAt), .status, .rule, version: coalesce(s.version, 0),
                    actorId: a.id, proposalId: p.id,
                    speakerId: COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp.id ORDER BY sp.id LIMIT 1 }[0],
                    actor: a {.id, .name, .kind, aliases: coalesce(a.aliases, [])}, sortKey: sortKey}) AS rows
}
RETURN totalCount, rows
