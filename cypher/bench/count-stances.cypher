// How many of the given stances exist: the data generator skips a batch that
// an earlier, interrupted run already committed (a batch is one transaction).
UNWIND $ids AS id
MATCH (s:Stance {id: id})
RETURN count(s) AS count
