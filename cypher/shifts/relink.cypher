// Sets each stance's SUPERSEDES link and shift kind as ShiftsService planned
// them (only stances whose link or kind must change): its outgoing SUPERSEDES
// edges go, then the one it should have is made. The kind is kept on the
// stance (for queries) and on the edge (for the picture in Neo4j Browser).
UNWIND $rows AS row
MATCH (s:Stance {id: row.id})
CALL (s) {
  OPTIONAL MATCH (s)-[old:SUPERSEDES]->(:Stance)
  DELETE old
}
SET s.shiftKind = row.kind
WITH s, row
CALL (s, row) {
  MATCH (prev:Stance {id: row.supersedesId})
  MERGE (s)-[r:SUPERSEDES]->(prev)
  SET r.kind = row.kind
}
RETURN count(*) AS rewritten
