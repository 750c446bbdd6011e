MATCH (p:Proposal)
RETURN count(p) AS count
