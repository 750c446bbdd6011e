// The extractor's readings analysts have decided, newest decision first, with
// the features their confidence was estimated from: each is a labelled
// example the confidence model is refitted with (extraction's
// learnFromDecisions). Right: confirmed; wrong: rejected, or amended into
// another reading. Found through the reviewedAt index; an undo returns a
// stance to PROPOSED, so it no longer counts. At most $limit, so the refit's
// cost is bounded however long the desk has worked.
MATCH (s:Stance)
WHERE s.reviewedAt IS NOT NULL AND s.status IN $decided AND s.features IS NOT NULL
WITH s ORDER BY s.reviewedAt DESC, s.id
LIMIT $limit
RETURN s.id AS id, s.features AS x, s.status = 'CONFIRMED' AS right
