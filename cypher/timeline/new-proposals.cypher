// Proposals new since a date, newest first: by when this system first stored
// them ($recordedSince vs createdAt) or by when they were put forward ($since
// vs proposedOn). The service passes exactly one of the two.
MATCH (p:Proposal)
WHERE ($recordedSince IS NULL OR p.createdAt >= datetime($recordedSince))
  AND ($since IS NULL OR p.proposedOn >= $since)
WITH p ORDER BY CASE WHEN $since IS NULL THEN '' ELSE p.proposedOn END DESC, p.createdAt DESC, p.id
LIMIT $limit
RETURN p.id AS id, p.name AS name, p.summary AS summary, coalesce(p.aliases, []) AS aliases, p.proposedOn AS proposedOn
