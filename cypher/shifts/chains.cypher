// The stances of each (actor, proposal) pair with what the graph says of their
// SUPERSEDES links now: the input ShiftsService plans the chain from. Chain
// order is effectiveOn, then recordedAt, then id: the order refresh-current
// uses to pick the latest, so the head of the chain is the current stance.
UNWIND $pairs AS pair
MATCH (a:Actor {id: pair.actorId})-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal {id: pair.proposalId})
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
