// One proposal by id, with who put it forward (a state or organisation, and
// the person who announced it). Unknown proposers stop the statement before
// anything is written (no row returned).
OPTIONAL MATCH (by:Actor {id: $proposedById})
OPTIONAL MATCH (person:Actor {id: $proposerId})
WITH by, person
WHERE ($proposedById IS NULL OR by IS NOT NULL) AND ($proposerId IS NULL OR person IS NOT NULL)
MERGE (p:Proposal {id: $id})
ON CREATE SET p.createdAt = datetime()
SET p.name = $name,
    p.summary = coalesce($summary, p.summary),
    p.aliases = coalesce($aliases, p.aliases, []),
    p.nameKeys = CASE WHEN $aliases IS NULL THEN [k IN coalesce(p.nameKeys, []) WHERE NOT k IN $nameKeys] + $nameKeys ELSE $nameKeys END,
    p.proposedOn = coalesce($proposedOn, p.proposedOn),
    p.searchText = reduce(s = $name, x IN coalesce($aliases, p.aliases, []) | s + ' | ' + x)
WITH p, [x IN [by, person] WHERE x IS NOT NULL] AS proposers
CALL (p, proposers) {
  UNWIND proposers AS actor
  MERGE (actor)-[r:PROPOSED]->(p)
  SET r.on = coalesce($proposedOn, r.on)
}
RETURN p.id AS id, p.name AS name, p.summary AS summary, p.aliases AS aliases, p.proposedOn AS proposedOn
