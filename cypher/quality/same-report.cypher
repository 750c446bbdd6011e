// Whether two articles carry the same report (one was linked as a reprint or revision of the other).
MATCH (a:Article {id: $x}), (b:Article {id: $y})
RETURN a.reportId = b.reportId AS linked
