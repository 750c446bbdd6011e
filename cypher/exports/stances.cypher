// The stance edges of a network export: every live stance on the proposals
// ($proposalIds; null: all) effective within [$from, $to] (null: open), with
// every attribute an analysis tool may want, holder -> proposal. At most
// $limit rows: the service asks for one more than it serves, to know when a
// network is too large to export whole.
MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal)
WHERE s.status IN $liveStatuses
  AND ($proposalIds IS NULL OR p.id IN $proposalIds)
  AND ($from IS NULL OR s.effectiveOn >= $from)
  AND ($to IS NULL OR s.effectiveOn <= $to)
RETURN s.id AS id, a.id AS actorId, p.id AS proposalId, s.position AS position, s.cue AS cue,
       coalesce(s.cues, []) AS cues, coalesce(s.conditions, []) AS conditions,
       s.statedOn AS statedOn, s.effectiveOn AS effectiveOn, s.confidence AS confidence,
       toString(s.recordedAt) AS recordedAt, s.status AS status, s.rule AS rule, coalesce(s.version, 0) AS version, s.shiftKind AS shiftKind,
       COLLECT { MATCH (s)-[:SUPERSEDES]->(prev:Stance) RETURN prev.id LIMIT 1 }[0] AS supersedesId,
       COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp.id ORDER BY sp.id LIMIT 1 }[0] AS speakerId,
       COUNT { (s)-[:EVIDENCED_BY]->(:Article) } AS evidenceCount,
       size(COLLECT { MATCH (s)-[:EVIDENCED_BY]->(art:Article) RETURN DISTINCT coalesce(art.reportId, art.id) AS report }) AS sourceCount,
       COLLECT { MATCH (s)-[:EVIDENCED_BY]->(:Article)-[:PUBLISHED_BY]->(o:Outlet) RETURN DISTINCT o.name AS outlet ORDER BY outlet } AS outlets,
       COLLECT { MATCH (s)-[:EVIDENCED_BY]->(art:Article) WHERE art.publishedOn IS NOT NULL
                 RETURN art.publishedOn AS on ORDER BY on LIMIT 1 }[0] AS firstReportedOn
ORDER BY p.id, a.id, coalesce(s.effectiveOn, ''), s.recordedAt, s.id
LIMIT $limit
