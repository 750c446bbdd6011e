// Which of the ids a write refers to do not exist: checked inside the write
// transaction, so a refused write leaves nothing behind.
RETURN [id IN $actorIds WHERE NOT EXISTS { MATCH (:Actor {id: id}) }] AS missingActors,
       [id IN $proposalIds WHERE NOT EXISTS { MATCH (:Proposal {id: id}) }] AS missingProposals,
       [id IN $articleIds WHERE NOT EXISTS { MATCH (:Article {id: id}) }] AS missingArticles,
       [id IN $stanceIds WHERE NOT EXISTS { MATCH (:Stance {id: id}) }] AS missingStances
