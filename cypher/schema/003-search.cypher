// Full-text search across names and aliases (searchText = name + aliases).
CREATE FULLTEXT INDEX actor_search IF NOT EXISTS FOR (a:Actor) ON EACH [a.searchText];
CREATE FULLTEXT INDEX proposal_search IF NOT EXISTS FOR (p:Proposal) ON EACH [p.searchText];
