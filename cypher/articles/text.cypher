// The text of an ingested article as it was read (normalised: every span of
// its evidence points into it); null for articles only cited by reference.
MATCH (art:Article {id: $id})
RETURN art.text AS text
