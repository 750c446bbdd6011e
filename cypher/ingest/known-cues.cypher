// The cues analysts accepted into the lexicon (review/decide-cue): the
// extractor reads them beside stance-cues.json.
MATCH (c:CueCandidate {status: 'ACCEPTED'})
RETURN c.words AS words, c.position AS position
ORDER BY c.words, c.position
