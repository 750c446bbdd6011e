// Proposals by id: the one write of a proposal, for an analyst's
// upsertProposal, the demo graph and ingestion alike. An analyst's row
// (row.authoritative) sets the name, summary, date and, when given, the
// aliases, and who put it forward; an extracted row creates a new proposal
// with the confidence and quote that introduced it, only adds aliases, and
// adds a proposer only where none of that kind is known. An analyst's row
// naming a proposer that does not exist writes nothing and returns no row.
UNWIND $rows AS row
OPTIONAL MATCH (by:Actor {id: row.proposedById})
OPTIONAL MATCH (person:Actor {id: row.proposerId})
WITH row, by, person
WHERE NOT row.authoritative
   OR ((row.proposedById IS NULL OR by IS NOT NULL) AND (row.proposerId IS NULL OR person IS NOT NULL))
MERGE (p:Proposal {id: row.id})
ON CREATE SET p.createdAt = datetime(), p.name = row.name, p.aliases = [], p.nameKeys = [],
              p.proposedOn = row.proposedOn, p.confidence = row.confidence, p.source = row.source
WITH p, row, by, person,
     CASE WHEN row.authoritative THEN row.name ELSE p.name END AS name,
     row.authoritative AND row.aliases IS NOT NULL AS replacing
WITH p, row, by, person, name, replacing,
     CASE WHEN replacing THEN row.aliases
          ELSE coalesce(p.aliases, []) + [x IN coalesce(row.aliases, []) WHERE NOT x IN coalesce(p.aliases, []) AND x <> name]
     END AS aliases
SET p.name = name,
    p.summary = coalesce(row.summary, p.summary),
    p.aliases = aliases,
    p.nameKeys = CASE WHEN replacing THEN row.nameKeys
                      ELSE coalesce(p.nameKeys, []) + [k IN row.nameKeys WHERE NOT k IN coalesce(p.nameKeys, [])] END,
    p.proposedOn = CASE WHEN row.authoritative THEN coalesce(row.proposedOn, p.proposedOn)
                        ELSE coalesce(p.proposedOn, row.proposedOn) END,
    p.searchText = reduce(s = name, x IN aliases | s + ' | ' + x)
WITH p, row, [x IN [by, person] WHERE x IS NOT NULL] AS proposers
CALL (p, row, proposers) {
  UNWIND proposers AS actor
  WITH p, row, actor
  WHERE row.authoritative OR NOT EXISTS { (:Actor {kind: actor.kind})-[:PROPOSED]->(p) }
  MERGE (actor)-[r:PROPOSED]->(p)
  SET r.on = CASE WHEN row.authoritative THEN coalesce(row.proposedOn, r.on) ELSE coalesce(r.on, row.proposedOn) END
}
CALL (p, row) {
  WITH p, row WHERE row.isNew AND row.quote IS NOT NULL
  MATCH (art:Article {id: row.articleId})
  MERGE (p)-[i:INTRODUCED_IN]->(art)
  SET i.quote = row.quote, i.charStart = row.charStart, i.charEnd = row.charEnd, i.confidence = row.confidence
}
RETURN p.id AS id, p.name AS name, p.summary AS summary, coalesce(p.aliases, []) AS aliases, p.proposedOn AS proposedOn
