// Rewrites the current-stance shortcut edge (SUPPORTS / OPPOSES /
// NONCOMMITTAL_ON) from each actor to each proposal in $pairs to name
// pair.stanceId, or removes it when that is null. The stance is the one
// StanceWriter.relink takes from the pair's chain (shifts/chains, which
// locked the actors): the latest that is PROPOSED or CONFIRMED, by
// effectiveOn, then recordedAt, then id. Runs in the same transaction as
// every stance change.
UNWIND $pairs AS pair
MATCH (a:Actor {id: pair.actorId})
MATCH (p:Proposal {id: pair.proposalId})
CALL (a, p) {
  OPTIONAL MATCH (a)-[old:SUPPORTS|OPPOSES|NONCOMMITTAL_ON]->(p)
  DELETE old
}
CALL (a, p, pair) {
  MATCH (s:Stance {id: pair.stanceId})
  CREATE (a)-[:$(CASE s.position WHEN 'SUPPORT' THEN 'SUPPORTS' WHEN 'OPPOSE' THEN 'OPPOSES' ELSE 'NONCOMMITTAL_ON' END)
              {stanceId: s.id, cue: s.cue, statedOn: s.statedOn}]->(p)
}
RETURN count(*) AS pairs
