// Uniqueness behind every MERGE key: writing the same fact twice lands on the same node.
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (p:Proposal) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT stance_id IF NOT EXISTS FOR (s:Stance) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;
CREATE CONSTRAINT outlet_name IF NOT EXISTS FOR (o:Outlet) REQUIRE o.name IS UNIQUE;
CREATE CONSTRAINT minhash_band_key IF NOT EXISTS FOR (b:MinHashBand) REQUIRE b.key IS UNIQUE;
