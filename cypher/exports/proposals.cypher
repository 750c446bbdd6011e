// The proposal nodes of a network export ($ids; null: all), with who put each
// forward (PROPOSED edges). At most $limit rows (see stances.cypher).
MATCH (p:Proposal)
WHERE $ids IS NULL OR p.id IN $ids
RETURN p.id AS id, p.name AS name, p.summary AS summary, coalesce(p.aliases, []) AS aliases,
       p.proposedOn AS proposedOn,
       COLLECT { MATCH (a:Actor)-[r:PROPOSED]->(p) RETURN {actorId: a.id, on: r.on} AS by ORDER BY a.id } AS proposedBy
ORDER BY p.id
LIMIT $limit
