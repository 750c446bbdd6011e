// Exact name-key lookups for search (cypher/search/search.cypher): these
// full-text indexes use the keyword analyzer, so each element of nameKeys (a
// LIST<STRING>) is one term and "which actor has this key" is one term
// lookup. The range indexes on nameKeys (002) hold a list as one value and
// cannot answer membership ($key IN a.nameKeys), which scanned every actor
// and proposal per search.
CREATE FULLTEXT INDEX actor_name_keys IF NOT EXISTS FOR (a:Actor) ON EACH [a.nameKeys] OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword' } };
CREATE FULLTEXT INDEX proposal_name_keys IF NOT EXISTS FOR (p:Proposal) ON EACH [p.nameKeys] OPTIONS { indexConfig: { `fulltext.analyzer`: 'keyword' } };
