// Readiness: one statement answers both "reachable" and "schema applied". A
// uniqueness constraint's backing index has the constraint's name, so every
// name created by cypher/schema/ must be an ONLINE index.
SHOW INDEXES YIELD name, state WHERE state = 'ONLINE'
RETURN collect(name) AS online
