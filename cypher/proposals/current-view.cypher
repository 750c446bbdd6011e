// A proposal with each actor's current stance, its holder and speaker, and
// (with $withEvidence) the quotes behind it and the articles they come from:
// what proposal { currentStances { actor speaker evidence { article } } }
// asks, read in one statement instead of one per level (README, Performance).
// The current stance is the one the current-stance edge names, as in
// stances/current-by-proposals. Each article is read once, however many
// quotes it backs (the service puts it on each of its quotes); the stance,
// evidence and article maps carry the columns of stances/current-by-proposals,
// stances/evidence and articles/find-by-ids, so the request's loaders cache
// them as those would.
MATCH (p:Proposal {id: $id})
CALL (p) {
  MATCH (a:Actor)-[c:SUPPORTS|OPPOSES|NONCOMMITTAL_ON]->(p)
  MATCH (s:Stance {id: c.stanceId})
  WHERE (a)-[:HOLDS]->(s)
  WITH a, s ORDER BY a.id
  WITH a, s, COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp {.id, .name, .kind, aliases: coalesce(sp.aliases, [])} ORDER BY sp.id LIMIT 1 }[0] AS speaker
  RETURN collect(s {.id, .position, .cue, cues: coalesce(s.cues, []), conditions: coalesce(s.conditions, []),
                    .statedOn, .effectiveOn, .confidence, recordedAt: toString(s.recordedAt), .status, .rule, version: coalesce(s.version, 0),
                    actorId: a.id, proposalId: p.id, speakerId: speaker.id,
                    actor: a {.id, .name, .kind, aliases: coalesce(a.aliases, [])}, speaker: speaker,
                    evidence: CASE WHEN $withEvidence THEN COLLECT {
                      MATCH (s)-[e:EVIDENCED_BY]->(art:Article)
                      RETURN {stanceId: s.id, quote: e.quote, charStart: e.charStart, charEnd: e.charEnd,
                              articleId: art.id, reportId: coalesce(art.reportId, art.id)}
                      ORDER BY art.publishedOn, art.id, e.charStart } END}) AS stances,
         collect(s) AS nodes
}
CALL (nodes) {
  UNWIND CASE WHEN $withEvidence THEN nodes ELSE [] END AS s
  MATCH (s)-[:EVIDENCED_BY]->(art:Article)
  WITH DISTINCT art
  RETURN collect(art {.id, .url, .title, .publishedOn, .textHash, recordedAt: toString(art.recordedAt),
                      outlet: COLLECT { MATCH (art)-[:PUBLISHED_BY]->(o:Outlet) RETURN o.name LIMIT 1 }[0],
                      sameReportIds: COLLECT { MATCH (art)-[:SAME_REPORT_AS]-(o:Article) RETURN DISTINCT o.id ORDER BY o.id }}) AS articles
}
RETURN p {.id, .name, .summary, aliases: coalesce(p.aliases, []), .proposedOn} AS proposal, stances, articles
