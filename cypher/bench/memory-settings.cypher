// The memory settings a bench server runs with (heap, page cache), as Neo4j reports them.
SHOW SETTINGS YIELD name, value
WHERE name IN $names
RETURN name, value
ORDER BY name
