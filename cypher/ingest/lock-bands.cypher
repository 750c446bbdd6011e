// Takes the write lock of each LSH band of a text, in key order, before
// anything looks for the same or a similar text: two copies of one story
// ingested at the same instant (a wire story from two outlets) then go one
// after the other, and the second finds the first and becomes its reprint.
// Without it, both looked, found nothing, and became two reports. Texts that
// share no band never wait on each other.
UNWIND $bands AS key
WITH key ORDER BY key
MERGE (b:MinHashBand {key: key})
SET b._writeLock = true
REMOVE b._writeLock
RETURN count(b) AS locked
