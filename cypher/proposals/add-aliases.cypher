// Wordings an analyst linked to a proposal (by amending a stance onto it)
// become its aliases, so that the extractor links them next time; the
// aliases are visible (Proposal.aliases) and an analyst's upsertProposal
// replaces them. Returns the aliases that were new.
MATCH (p:Proposal {id: $id})
// A wording that already names another proposal is not taken: it would make the two
// indistinguishable to the extractor; but the one the extractor made up and
// the analyst has just moved away from ($except) stays out of the way (the
// gazetteer leaves out a made-up node whose every stance was amended away).
WITH p, [x IN $aliases WHERE x.alias <> p.name AND NOT x.key IN coalesce(p.nameKeys, [])
          AND NOT EXISTS { MATCH (other:Proposal) WHERE other <> p AND other.id <> coalesce($except, '') AND x.key IN other.nameKeys }] AS taken
WITH p, [x IN taken | x.alias] AS added, [x IN taken | x.key] AS keys
WITH p, added, keys, coalesce(p.aliases, []) + added AS aliases
SET p.aliases = aliases,
    p.nameKeys = coalesce(p.nameKeys, []) + [k IN keys WHERE NOT k IN coalesce(p.nameKeys, [])],
    p.searchText = reduce(s = p.name, x IN aliases | s + ' | ' + x)
RETURN added
