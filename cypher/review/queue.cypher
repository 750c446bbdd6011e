// The review queue: stances still PROPOSED (or $statuses), the likeliest
// mistakes first: least sure first (a stance's confidence is the extractor's
// estimate that it is right, src/extraction/pipeline/confidence.ts, which
// already weighs an undated reading and a made-up proposal, moved by
// analysts' decisions), then the newest (by effectiveOn), then by id; the
// cursor is that key.
// Filtered by proposal, holder, outlet and article when given. With
// $withCount, how many match in all.
CALL () {
  UNWIND CASE WHEN $withCount THEN [true] ELSE [] END AS counted
  MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal)
  WHERE s.status IN $statuses
    AND ($proposalId IS NULL OR p.id = $proposalId)
    AND ($actorId IS NULL OR a.id = $actorId)
    AND ($outlet IS NULL OR EXISTS { (s)-[:EVIDENCED_BY]->(:Article)-[:PUBLISHED_BY]->(:Outlet {name: $outlet}) })
    AND ($articleId IS NULL OR EXISTS { (s)-[:EVIDENCED_BY]->(:Article {id: $articleId}) })
  RETURN count(s) AS totalCount
}
CALL () {
  MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal)
  WHERE s.status IN $statuses
    AND ($proposalId IS NULL OR p.id = $proposalId)
    AND ($actorId IS NULL OR a.id = $actorId)
    AND ($outlet IS NULL OR EXISTS { (s)-[:EVIDENCED_BY]->(:Article)-[:PUBLISHED_BY]->(:Outlet {name: $outlet}) })
    AND ($articleId IS NULL OR EXISTS { (s)-[:EVIDENCED_BY]->(:Article {id: $articleId}) })
  // Confidence in thousandths, then the date's digits subtracted from all nines (newest first), then the id.
  WITH a, s, p,
       toString(1000 + toInteger(round(coalesce(s.confidence, 0) * 1000))) + '|' +
       toString(100000000 + 99999999 - toInteger(replace(left(coalesce(s.effectiveOn, '0000-00') + '-00', 10), '-', ''))) +
       '|' + s.id AS sortKey
  WHERE $after IS NULL OR sortKey > $after
  WITH a, s, p, sortKey ORDER BY sortKey LIMIT $limit
  RETURN collect(s {.id, .position, .cue, cues: coalesce(s.cues, []), conditions: coalesce(s.conditions, []),
                    .statedOn, .effectiveOn, .confidence, recordedAt: toString(s.recordedAt), .status, .rule, version: coalesce(s.version, 0),
                    actorId: a.id, proposalId: p.id,
                    speakerId: COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp.id ORDER BY sp.id LIMIT 1 }[0],
                    actor: a {.id, .name, .kind, aliases: coalesce(a.aliases, [])}, sortKey: sortKey}) AS rows
}
RETURN totalCount, rows
