/**
 * Our graph model as @neo4j/graphql 7 type definitions: the peer serves the
 * same data, and answers the same questions, the way that library is meant
 * to be used: generated queries over the model's nodes and relationships,
 * @cypher fields where a question is a computation (the current stance of
 * each actor, the number of independent sources), and its @fulltext
 * directive over the full-text indexes our schema creates.
 *
 * The @cypher statements are our own (cypher/stances/current-by-proposals,
 * the sourceCount rule of the Stance resolver), rewritten for a single
 * parent as that directive requires.
 */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Actor
    @node(labels: ["Actor"])
    @fulltext(indexes: [{ indexName: "actor_search", fields: ["searchText"], queryName: "actorsByName" }]) {
    id: ID!
    name: String!
    kind: String
    aliases: [String!]
    searchText: String
    represents: [Actor!]! @relationship(type: "REPRESENTS", direction: OUT, properties: "Represents")
    stances: [Stance!]! @relationship(type: "HOLDS", direction: OUT)
  }

  type Represents @relationshipProperties {
    role: String
  }

  type Proposal
    @node(labels: ["Proposal"])
    @fulltext(indexes: [{ indexName: "proposal_search", fields: ["searchText"], queryName: "proposalsByName" }]) {
    id: ID!
    name: String!
    summary: String
    aliases: [String!]
    searchText: String
    proposedOn: String
    stances: [Stance!]! @relationship(type: "ON", direction: IN)
    "Each actor's current stance: the latest live one by effectiveOn, recordedAt, id."
    currentStances: [Stance!]!
      @cypher(
        statement: """
        MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(this)
        WHERE s.status IN ['PROPOSED', 'CONFIRMED']
        WITH a, s ORDER BY coalesce(s.effectiveOn, '') DESC, s.recordedAt DESC, s.id DESC
        WITH a, head(collect(s)) AS s
        RETURN s ORDER BY a.id
        """
        columnName: "s"
      )
    "The current stances of the given actors only (alignment)."
    currentStancesOf(actorIds: [ID!]!): [Stance!]!
      @cypher(
        statement: """
        MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(this)
        WHERE a.id IN $actorIds AND s.status IN ['PROPOSED', 'CONFIRMED']
        WITH a, s ORDER BY coalesce(s.effectiveOn, '') DESC, s.recordedAt DESC, s.id DESC
        WITH a, head(collect(s)) AS s
        RETURN s ORDER BY a.id
        """
        columnName: "s"
      )
  }

  type Stance @node(labels: ["Stance"]) {
    id: ID!
    position: String!
    cue: String
    cues: [String!]
    conditions: [String!]
    statedOn: String
    effectiveOn: String
    confidence: Float
    status: String
    rule: String
    recordedAt: DateTime
    actor: [Actor!]! @relationship(type: "HOLDS", direction: IN)
    proposal: [Proposal!]! @relationship(type: "ON", direction: OUT)
    speaker: [Actor!]! @relationship(type: "VOICED_BY", direction: OUT)
    evidence: [Article!]! @relationship(type: "EVIDENCED_BY", direction: OUT, properties: "Evidence")
    "Independent sources: a reprint or revision of a report counts once."
    sourceCount: Int!
      @cypher(
        statement: """
        OPTIONAL MATCH (this)-[:EVIDENCED_BY]->(art:Article)
        RETURN count(DISTINCT coalesce(art.reportId, art.id)) AS n
        """
        columnName: "n"
      )
  }

  type Evidence @relationshipProperties {
    key: String
    quote: String
    charStart: Int
    charEnd: Int
  }

  type Article @node(labels: ["Article"]) {
    id: ID!
    url: String
    title: String
    publishedOn: String
    reportId: String
    outlet: [Outlet!]! @relationship(type: "PUBLISHED_BY", direction: OUT)
  }

  type Outlet @node(labels: ["Outlet"]) {
    name: String!
  }
`;
