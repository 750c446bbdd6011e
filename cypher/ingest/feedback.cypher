// How analysts have decided the extractor's readings, by the rule that made
// each and its cue: the extractor lowers its confidence in a rule and cue
// that analysts keep rejecting (extraction's applyFeedback). Only decisions
// count (CONFIRMED or REJECTED by an analyst, through the status index); an
// undo or a changed mind changes the counts, so nothing learned is hidden.
MATCH (s:Stance)
WHERE s.status IN $decided AND s.rule IS NOT NULL AND s.reviewedBy IS NOT NULL
RETURN s.rule AS rule, toLower(coalesce(s.cue, '')) AS cue,
       sum(CASE s.status WHEN 'CONFIRMED' THEN 1 ELSE 0 END) AS confirmed,
       sum(CASE s.status WHEN 'REJECTED' THEN 1 ELSE 0 END) AS rejected
