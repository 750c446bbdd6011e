// Rewrites what StanceWriter.relink planned from shifts/chains (which locked
// the actors), in one statement:
//
// - $pairs: each (actor, proposal) pair's current-stance shortcut edge
//   (SUPPORTS / OPPOSES / NONCOMMITTAL_ON) names pair.stanceId, or goes when
//   that is null. The stance is the chain's head: the latest that is
//   PROPOSED or CONFIRMED, by effectiveOn, then recordedAt, then id.
// - $links: each stance whose SUPERSEDES link or shift kind must change (as
//   ShiftsService planned it) loses its outgoing SUPERSEDES edges and gets
//   the one it should have. The kind is kept on the stance (for queries)
//   and on the edge (for the picture in Neo4j Browser).
//
// Runs in the same transaction as every stance change.
CALL () {
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
}
CALL () {
  UNWIND $links AS link
  MATCH (s:Stance {id: link.id})
  CALL (s) {
    OPTIONAL MATCH (s)-[old:SUPERSEDES]->(:Stance)
    DELETE old
  }
  SET s.shiftKind = link.kind
  WITH s, link
  CALL (s, link) {
    MATCH (prev:Stance {id: link.supersedesId})
    MERGE (s)-[r:SUPERSEDES]->(prev)
    SET r.kind = link.kind
  }
  RETURN count(*) AS links
}
RETURN pairs, links
