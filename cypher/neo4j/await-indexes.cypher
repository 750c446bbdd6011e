// Start-up: wait up to $seconds for the indexes cypher/schema/ created to
// come online.
CALL db.awaitIndexes($seconds)
