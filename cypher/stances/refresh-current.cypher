// Rewrites the current-stance shortcut edge (SUPPORTS / OPPOSES /
// NONCOMMITTAL_ON) from each actor to each proposal in $pairs: the latest
// stance that is PROPOSED or CONFIRMED, by effectiveOn, then recordedAt.
// Runs in the same transaction as every stance change.
// The actors are write-locked first, once each, in id order: two
// transactions refreshing one pair at once would otherwise both delete the
// old edge and both create a new one.
CALL () {
  UNWIND $pairs AS pair
  WITH DISTINCT pair.actorId AS actorId
  ORDER BY actorId
  MATCH (a:Actor {id: actorId})
  SET a._writeLock = true
  REMOVE a._writeLock
  RETURN count(a) AS locked
}
UNWIND $pairs AS pair
WITH pair ORDER BY pair.actorId, pair.proposalId
MATCH (a:Actor {id: pair.actorId})
MATCH (p:Proposal {id: pair.proposalId})
CALL (a, p) {
  OPTIONAL MATCH (a)-[old:SUPPORTS|OPPOSES|NONCOMMITTAL_ON]->(p)
  DELETE old
}
CALL (a, p) {
  MATCH (a)-[:HOLDS]->(s:Stance)-[:ON]->(p)
  WHERE s.status IN $liveStatuses
  WITH s ORDER BY coalesce(s.effectiveOn, '') DESC, s.recordedAt DESC, s.id DESC LIMIT 1
  CREATE (a)-[:$(CASE s.position WHEN 'SUPPORT' THEN 'SUPPORTS' WHEN 'OPPOSE' THEN 'OPPOSES' ELSE 'NONCOMMITTAL_ON' END)
              {stanceId: s.id, cue: s.cue, statedOn: s.statedOn}]->(p)
}
RETURN count(*) AS pairs
