// The stances of each (actor, proposal) pair with what the graph says of their
// SUPERSEDES links now: the input ShiftsService plans the chain from, and
// StanceWriter the current-stance edge (the last live stance of the chain).
// Chain order is effectiveOn, then recordedAt, then id, so the head of the
// chain is the current stance.
//
// The actors are write-locked first, once each, in id order: the chain and
// the current-stance edge are rewritten from this read later in the
// transaction, and two transactions relinking one pair at once would
// otherwise both delete the old edges and both create new ones.
CALL () {
  UNWIND $pairs AS pair
  WITH DISTINCT pair.actorId AS actorId
  ORDER BY actorId
  MATCH (a:Actor {id: actorId})
  SET a._writeLock = true
  REMOVE a._writeLock
  RETURN count(a) AS locked
}
// Each proposal's stances are walked once, for all the pairs on it: a
// proposal has a bounded number of stances, while an actor that speaks on
// everything holds ever more of them.
UNWIND $pairs AS pair
WITH pair.proposalId AS proposalId, collect(DISTINCT pair.actorId) AS actorIds
MATCH (p:Proposal {id: proposalId})<-[:ON]-(s:Stance)<-[:HOLDS]-(a:Actor)
WHERE a.id IN actorIds
WITH a, p, s ORDER BY coalesce(s.effectiveOn, ''), s.recordedAt, s.id
WITH a, p, collect({
  id: s.id,
  live: s.status IN $liveStatuses,
  position: s.position,
  conditions: coalesce(s.conditions, []),
  shiftKind: s.shiftKind,
  supersedesIds: COLLECT { MATCH (s)-[:SUPERSEDES]->(o:Stance) RETURN o.id }
}) AS stances
RETURN a.id AS actorId, p.id AS proposalId, stances
