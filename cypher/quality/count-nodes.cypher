// How many nodes the database holds: quality is measured from an empty graph.
MATCH (n) RETURN count(n) AS nodes
