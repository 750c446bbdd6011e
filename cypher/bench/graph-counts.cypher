// The size of a bench graph, for the report: nodes by kind and evidence edges.
CALL () { MATCH (s:Stance) RETURN count(s) AS stances }
CALL () { MATCH (a:Actor) RETURN count(a) AS actors }
CALL () { MATCH (p:Proposal) RETURN count(p) AS proposals }
CALL () { MATCH (a:Article) RETURN count(a) AS articles }
CALL () { MATCH ()-[e:EVIDENCED_BY]->() RETURN count(e) AS evidence }
RETURN stances, actors, proposals, articles, evidence
