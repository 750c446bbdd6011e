// How analysts have decided the extractor's readings, by the rule that made
// each and its cue: the extractor lowers its confidence in a rule and cue
// that analysts keep rejecting (extraction's applyFeedback). Only analysts'
// decisions count (CONFIRMED or REJECTED at the desk, found through the
// reviewedAt index: a graph of a million stances has a few thousand of them);
// an undo or a changed mind changes the counts, so nothing learned is hidden.
MATCH (s:Stance)
WHERE s.reviewedAt IS NOT NULL AND s.status IN $decided AND s.rule IS NOT NULL
RETURN s.rule AS rule, toLower(coalesce(s.cue, '')) AS cue,
       sum(CASE s.status WHEN 'CONFIRMED' THEN 1 ELSE 0 END) AS confirmed,
       sum(CASE s.status WHEN 'REJECTED' THEN 1 ELSE 0 END) AS rejected
