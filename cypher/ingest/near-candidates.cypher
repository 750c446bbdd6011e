// Articles sharing at least one LSH band with the new one: the only ones
// worth comparing signatures with.
UNWIND $bands AS key
MATCH (:MinHashBand {key: key})<-[:IN_BAND]-(art:Article)
WITH art, count(*) AS sharedBands
ORDER BY sharedBands DESC
LIMIT 50
RETURN art.id AS id, art.signature AS signature, sharedBands
