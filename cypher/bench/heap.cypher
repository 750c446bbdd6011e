// The bench's record of Neo4j's heap as the JVM sees it (bytes): the
// maximum it may grow to, what it has committed and what is in use.
CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes
WITH attributes.HeapMemoryUsage.value.properties AS heap
RETURN heap.max AS max, heap.committed AS committed, heap.used AS used
