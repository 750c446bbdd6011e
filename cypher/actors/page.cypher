MATCH (a:Actor)
WHERE ($after IS NULL OR a.id > $after)
  AND ($kind IS NULL OR a.kind = $kind)
RETURN a.id AS id, a.name AS name, a.kind AS kind, coalesce(a.aliases, []) AS aliases
ORDER BY a.id
LIMIT $limit
