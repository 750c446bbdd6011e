// The stance an analyst amends, locked for the rest of the transaction (so a
// concurrent decision or amendment waits, then sees this one's version), with
// its reading and its evidence as stances/record takes it, and where its
// holder, speaker and proposal came from ('extracted': made by the extractor).
MATCH (a:Actor)-[:HOLDS]->(s:Stance {id: $id})-[:ON]->(p:Proposal)
SET s._writeLock = true
REMOVE s._writeLock
RETURN s.id AS id, a.id AS actorId, p.id AS proposalId, s.position AS position, s.cue AS cue,
       coalesce(s.conditions, []) AS conditions, s.statedOn AS statedOn, s.status AS status,
       coalesce(s.version, 0) AS version, p.source AS proposalSource, p.name AS proposalName, a.source AS actorSource,
       COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp.source ORDER BY sp.id LIMIT 1 }[0] AS speakerSource,
       COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp.id ORDER BY sp.id LIMIT 1 }[0] AS speakerId,
       COLLECT { MATCH (s)-[e:EVIDENCED_BY]->(art:Article)
                 RETURN {key: e.key, quote: e.quote, charStart: e.charStart, charEnd: e.charEnd, articleId: art.id,
                         marks: coalesce(e.marks, [])}
                 ORDER BY art.id, e.key } AS evidence
