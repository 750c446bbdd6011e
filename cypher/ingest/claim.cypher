// What ingestion must know before it writes an article, in one statement:
//
// - First the write lock of each LSH band of the text, in key order: two
//   copies of one story ingested at the same instant (a wire story from two
//   outlets) then go one after the other, and the second finds the first and
//   becomes its reprint. Without it, both looked, found nothing, and became
//   two reports. Texts that share no band never wait on each other.
// - `exists`: this article (this text from this place) is already stored.
// - `sameText`: the first article with exactly this text (the same wire
//   story carried word for word by another outlet), if any.
// - `candidates`: when there is none, the articles sharing most LSH bands
//   with this one (at most 50): the only ones worth comparing signatures with.
CALL () {
  UNWIND $bands AS key
  WITH key ORDER BY key
  MERGE (b:MinHashBand {key: key})
  SET b._writeLock = true
  REMOVE b._writeLock
  RETURN count(b) AS locked
}
WITH EXISTS { MATCH (:Article {id: $articleId}) } AS exists,
     COLLECT { MATCH (art:Article {textHash: $textHash}) RETURN art.id ORDER BY art.recordedAt LIMIT 1 }[0] AS sameText
RETURN exists, sameText,
       CASE WHEN exists OR sameText IS NOT NULL THEN [] ELSE COLLECT {
         UNWIND $bands AS key
         MATCH (:MinHashBand {key: key})<-[:IN_BAND]-(art:Article)
         WITH art, count(*) AS sharedBands
         ORDER BY sharedBands DESC
         LIMIT 50
         RETURN {id: art.id, signature: art.signature}
       } END AS candidates
