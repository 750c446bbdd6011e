// Cues analysts have used that the lexicon lacked, with how many stances
// used each: the most used first. Filtered by status when given.
MATCH (c:CueCandidate)
WHERE $status IS NULL OR c.status = $status
WITH c, COUNT { (c)-[:SEEN_IN]->(:Stance) } AS seen
RETURN c.words AS words, c.position AS position, c.status AS status, seen, c.decidedBy AS decidedBy,
       toString(c.decidedAt) AS decidedAt
ORDER BY seen DESC, c.words
LIMIT $limit
