UNWIND $ids AS id
MATCH (p:Proposal {id: id})
RETURN p.id AS id, p.name AS name, p.summary AS summary, coalesce(p.aliases, []) AS aliases, p.proposedOn AS proposedOn
