// An analyst's decision on a stance, refused (changing nothing) when
// $expectedVersion is given and the stance has moved on since: returns the
// pair whose current edge must be refreshed, whether the decision applied,
// and the version and status it found. The stance is locked before it is
// read, so two analysts deciding at once take turns and the second sees the
// first's version. A decision the stance already carries is a no-op, not a
// conflict: deciding twice changes nothing.
MATCH (a:Actor)-[:HOLDS]->(s:Stance {id: $id})-[:ON]->(p:Proposal)
SET s._writeLock = true
REMOVE s._writeLock
WITH a, p, s, coalesce(s.version, 0) AS seen, s.status AS before
WITH a, p, s, seen, before,
     CASE WHEN before = $status THEN 'same'
          WHEN $expectedVersion IS NOT NULL AND seen <> $expectedVersion THEN 'conflict'
          WHEN NOT before IN $from THEN 'refused'
          ELSE 'applied' END AS outcome
FOREACH (_ IN CASE WHEN outcome = 'applied' THEN [1] ELSE [] END |
  SET s.status = $status, s.version = seen + 1, s.reviewedAt = datetime(), s.reviewedBy = $by)
RETURN a.id AS actorId, p.id AS proposalId, outcome, seen AS version, before AS status
