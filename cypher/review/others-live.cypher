// How many stances, besides the one being amended, still stand on the
// proposal, with the holder and with the speaker it names (any status but
// AMENDED): a node the extractor made up teaches its words only once an
// analyst has moved every stance off it (review.service lessonsOf).
OPTIONAL MATCH (p:Proposal {id: $proposalId})
OPTIONAL MATCH (a:Actor {id: $actorId})
OPTIONAL MATCH (sp:Actor {id: $speakerId})
RETURN COUNT { MATCH (s:Stance)-[:ON]->(p) WHERE s.id <> $stanceId AND s.status <> 'AMENDED' } AS onProposal,
       COUNT { MATCH (a)-[:HOLDS]->(s:Stance) WHERE s.id <> $stanceId AND s.status <> 'AMENDED' } AS heldByActor,
       COUNT { MATCH (s:Stance)-[:VOICED_BY]->(sp) WHERE s.id <> $stanceId AND s.status <> 'AMENDED' } AS voicedBySpeaker
