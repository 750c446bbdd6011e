// An analyst accepts a candidate cue into the extractor's lexicon, or
// declines it (or takes an acceptance back: DECLINED). Returns the cue, or no
// row when there is no such candidate.
MATCH (c:CueCandidate {key: $key})
SET c.status = $status, c.decidedBy = $by, c.decidedAt = datetime()
RETURN c.words AS words, c.position AS position, c.status AS status,
       COUNT { (c)-[:SEEN_IN]->(:Stance) } AS seen, c.decidedBy AS decidedBy, toString(c.decidedAt) AS decidedAt
