// Every proposal's id and name: quality checks that no two share a normalised name.
MATCH (p:Proposal)
RETURN p.id AS id, p.name AS name
ORDER BY id
