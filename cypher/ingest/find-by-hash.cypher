// Articles with exactly this text: the same article again, or the same
// wire story carried word for word by another outlet.
MATCH (art:Article {textHash: $textHash})
RETURN art.id AS id
ORDER BY art.recordedAt
