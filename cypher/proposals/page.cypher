MATCH (p:Proposal)
WHERE $after IS NULL OR p.id > $after
RETURN p.id AS id, p.name AS name, p.summary AS summary, coalesce(p.aliases, []) AS aliases, p.proposedOn AS proposedOn
ORDER BY p.id
LIMIT $limit
