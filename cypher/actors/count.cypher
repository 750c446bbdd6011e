MATCH (a:Actor)
WHERE $kind IS NULL OR a.kind = $kind
RETURN count(a) AS count
