// An analyst's stance (recordStance, the desk's "add a missed stance") whose
// cue the lexicon does not read yet: the cue becomes a candidate for an
// analyst to accept into the extractor's lexicon (review/decide-cue), seen
// once per stance however often the stance is recorded.
MATCH (s:Stance {id: $stanceId})
MERGE (c:CueCandidate {key: $key})
ON CREATE SET c.words = $words, c.position = $position, c.status = 'CANDIDATE', c.createdAt = datetime()
MERGE (c)-[:SEEN_IN]->(s)
