// The shift each stance makes (null for stances that are not live).
UNWIND $ids AS id
MATCH (a:Actor)-[:HOLDS]->(s:Stance {id: id})-[:ON]->(p:Proposal)
WHERE s.shiftKind IS NOT NULL
OPTIONAL MATCH (s)-[:SUPERSEDES]->(prev:Stance)
RETURN s.id AS id, s.shiftKind AS kind, a.id AS actorId, p.id AS proposalId, s.effectiveOn AS on, toString(s.recordedAt) AS recordedAt,
       {id: s.id, position: s.position, cue: s.cue, cues: coalesce(s.cues, []), conditions: coalesce(s.conditions, []),
        statedOn: s.statedOn, effectiveOn: s.effectiveOn, confidence: s.confidence, recordedAt: toString(s.recordedAt),
        status: s.status, rule: s.rule, version: coalesce(s.version, 0), actorId: a.id, proposalId: p.id,
        speakerId: COLLECT { MATCH (s)-[:VOICED_BY]->(sp:Actor) RETURN sp.id ORDER BY sp.id LIMIT 1 }[0]} AS stance,
       CASE WHEN prev IS NULL THEN null ELSE
         {id: prev.id, position: prev.position, cue: prev.cue, cues: coalesce(prev.cues, []), conditions: coalesce(prev.conditions, []),
          statedOn: prev.statedOn, effectiveOn: prev.effectiveOn, confidence: prev.confidence, recordedAt: toString(prev.recordedAt),
          status: prev.status, rule: prev.rule, version: coalesce(prev.version, 0), actorId: a.id, proposalId: p.id,
          speakerId: COLLECT { MATCH (prev)-[:VOICED_BY]->(sp:Actor) RETURN sp.id ORDER BY sp.id LIMIT 1 }[0]} END AS previous
