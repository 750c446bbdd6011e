// Wordings an analyst linked to an actor (by amending a stance's holder or speaker)
// become its aliases, so that the extractor links them next time; the
// aliases are visible (Actor.aliases) and an analyst's upsertActor
// replaces them. Returns the aliases that were new.
MATCH (a:Actor {id: $id})
// A wording that already names another actor is not taken: it would make the two
// indistinguishable to the extractor; but the one the extractor made up and
// the analyst has just moved away from ($except) stays out of the way (the
// gazetteer leaves out a made-up node whose every stance was amended away).
WITH a, [x IN $aliases WHERE x.alias <> a.name AND NOT x.key IN coalesce(a.nameKeys, [])
          AND NOT EXISTS { MATCH (other:Actor) WHERE other <> a AND other.id <> coalesce($except, '') AND x.key IN other.nameKeys }] AS taken
WITH a, [x IN taken | x.alias] AS added, [x IN taken | x.key] AS keys
WITH a, added, keys, coalesce(a.aliases, []) + added AS aliases
SET a.aliases = aliases,
    a.nameKeys = coalesce(a.nameKeys, []) + [k IN keys WHERE NOT k IN coalesce(a.nameKeys, [])],
    a.searchText = reduce(s = a.name, x IN aliases | s + ' | ' + x)
RETURN added
