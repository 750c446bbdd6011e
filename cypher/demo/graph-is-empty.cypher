// Whether the database holds no node at all: the demo graph loads only into an empty one.
MATCH (n) WITH count(n) AS n RETURN n = 0 AS empty
