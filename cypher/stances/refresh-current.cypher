// Rewrites the current-stance shortcut edge (SUPPORTS / OPPOSES /
// NONCOMMITTAL_ON) from each actor to each proposal in $pairs: the latest
// stance that is PROPOSED or CONFIRMED, by effectiveOn, then recordedAt.
// Runs in the same transaction as every stance change.
// The actor is write-locked first (actors in id order): two transactions
// refreshing one pair at once would otherwise both delete the old edge and
// both create a new one.
UNWIND $pairs AS pair
WITH pair ORDER BY pair.actorId, pair.proposalId
MATCH (a:Actor {id: pair.actorId})
MATCH (p:Proposal {id: pair.proposalId})
SET a._writeLock = true
REMOVE a._writeLock
WITH a, p
CALL (a, p) {
  OPTIONAL MATCH (a)-[old:SUPPORTS|OPPOSES|NONCOMMITTAL_ON]->(p)
  DELETE old
}
CALL (a, p) {
  MATCH (a)-[:HOLDS]->(s:Stance)-[:ON]->(p)
  WHERE s.status IN ['PROPOSED', 'CONFIRMED']
  WITH s ORDER BY coalesce(s.effectiveOn, '') DESC, s.recordedAt DESC, s.id DESC LIMIT 1
  FOREACH (_ IN CASE WHEN s.position = 'SUPPORT' THEN [1] ELSE [] END |
    CREATE (a)-[:SUPPORTS {stanceId: s.id, cue: s.cue, statedOn: s.statedOn}]->(p))
  FOREACH (_ IN CASE WHEN s.position = 'OPPOSE' THEN [1] ELSE [] END |
    CREATE (a)-[:OPPOSES {stanceId: s.id, cue: s.cue, statedOn: s.statedOn}]->(p))
  FOREACH (_ IN CASE WHEN s.position = 'NONCOMMITTAL' THEN [1] ELSE [] END |
    CREATE (a)-[:NONCOMMITTAL_ON {stanceId: s.id, cue: s.cue, statedOn: s.statedOn}]->(p))
}
RETURN count(*) AS pairs
