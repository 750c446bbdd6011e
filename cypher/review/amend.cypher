// Records an analyst's amendment of stance $fromId into $toId (the same
// stance when holder, proposal, position and date are unchanged; otherwise
// the one stances/record has just written). The amended-from stance keeps the
// reading it had and leaves review as AMENDED; the amended-to stance gets the
// amended speaker and one more version. An (:Amendment) node keeps who, when,
// which fields, and the reading before and after (JSON), linked to both.
MATCH (from:Stance {id: $fromId})
MATCH (to:Stance {id: $toId})
FOREACH (_ IN CASE WHEN from <> to THEN [1] ELSE [] END |
  SET from.status = 'AMENDED', from.version = coalesce(from.version, 0) + 1,
      from.reviewedAt = datetime(), from.reviewedBy = $by)
SET to.version = coalesce(to.version, 0) + 1, to.reviewedAt = datetime(), to.reviewedBy = $by
WITH from, to
CALL (to) {
  MATCH (to)-[v:VOICED_BY]->(other:Actor)
  WHERE $speakerId IS NULL OR other.id <> $speakerId
  DELETE v
}
CALL (to) {
  MATCH (speaker:Actor {id: $speakerId})
  MERGE (to)-[:VOICED_BY]->(speaker)
}
CREATE (m:Amendment {id: $amendmentId, by: $by, at: datetime(), fields: $fields, before: $before, after: $after,
                     note: $note, taught: $taught})
CREATE (m)-[:OF]->(from)
CREATE (m)-[:TO]->(to)
RETURN m.id AS id
