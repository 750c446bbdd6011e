// Empties the throwaway database between the runs of `npm run learning`
// (cli/learning.ts), in batches so no one transaction holds the whole graph.
// CALL … IN TRANSACTIONS needs an auto-commit transaction (runAutoCommit).
MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS
