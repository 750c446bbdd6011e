import type { TestApp } from './app.js';

/**
 * A shift recorded on top of the demo graph for the positions-over-time
 * tests: the United States, noncommittal on the end-of-war declaration on
 * 2021-10-19 in the demo graph, is recorded as supporting it on 2021-12-10.
 * This is a test fixture, not a claim about what the United States said; its
 * evidence is a made-up article on example.test. Specs that record it remove
 * it again (removeRecorded), so that the other specs see the demo graph as it
 * is.
 */
export const US_SHIFT = {
  actorId: 'united-states',
  proposalId: 'end-of-war-declaration',
  position: 'SUPPORT',
  cue: 'agree in principle',
  statedOn: '2021-12-10',
  evidence: [
    {
      quote: 'agree in principle',
      article: {
        url: 'https://example.test/positions-over-time/us-2021-12-10',
        outlet: 'Test Wire',
        publishedOn: '2021-12-11',
        title: 'Fixture report',
      },
    },
  ],
};

export const RECORD = `mutation ($input: RecordStanceInput!) { recordStance(input: $input) { id position statedOn recordedAt shift { kind fromPosition } } }`;

/** Retracts the stances (so every derived edge is rewritten), then deletes them and their fixture articles. */
export async function removeRecorded(t: TestApp, stanceIds: string[]): Promise<void> {
  for (const id of stanceIds) {
    const res = await t.gql(`mutation ($id: ID!) { retractStance(id: $id) { id } }`, { id });
    if (res.errors && res.errors[0].extensions?.code !== 'NOT_FOUND') throw new Error(res.errors[0].message);
  }
  await t.cypher(`UNWIND $ids AS id MATCH (s:Stance {id: id}) DETACH DELETE s`, { ids: stanceIds });
  await t.cypher(
    `MATCH (art:Article) WHERE art.url STARTS WITH 'https://example.test/positions-over-time/' DETACH DELETE art`,
  );
}

/**
 * The SUPERSEDES chain must always say what the stance nodes say: for each
 * (actor, proposal), live stances in (effectiveOn, recordedAt, id) order,
 * each linked to the one before it and nothing else, with a shift kind;
 * stances that are not live have neither.
 */
export function chainProblems(t: TestApp): Promise<Array<{ problem: string }>> {
  return t.cypher(`
    CALL () {
      MATCH (a:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(p:Proposal)
      WHERE s.status IN ['PROPOSED', 'CONFIRMED']
      WITH a, p, s ORDER BY coalesce(s.effectiveOn, ''), s.recordedAt, s.id
      WITH a, p, collect(s) AS chain
      UNWIND range(0, size(chain) - 1) AS i
      WITH a, p, chain[i] AS s, CASE WHEN i = 0 THEN null ELSE chain[i - 1] END AS prev
      WITH a, p, s, prev, COLLECT { MATCH (s)-[:SUPERSEDES]->(o:Stance) RETURN o.id } AS links
      WHERE s.shiftKind IS NULL
         OR (prev IS NULL AND (size(links) <> 0 OR s.shiftKind <> 'FIRST_STATED'))
         OR (prev IS NOT NULL AND (links <> [prev.id] OR s.shiftKind = 'FIRST_STATED'))
      RETURN a.id + ' -> ' + p.id + ': ' + s.id AS problem
      UNION
      MATCH (s:Stance)
      WHERE NOT s.status IN ['PROPOSED', 'CONFIRMED'] AND (s.shiftKind IS NOT NULL OR EXISTS { (s)-[:SUPERSEDES]-() })
      RETURN 'not live but linked: ' + s.id AS problem
      UNION
      MATCH (s:Stance)-[r:SUPERSEDES]->(o:Stance)
      WHERE r.kind <> s.shiftKind OR NOT EXISTS { MATCH (a:Actor)-[:HOLDS]->(s)-[:ON]->(p:Proposal) MATCH (a)-[:HOLDS]->(o)-[:ON]->(p) }
      RETURN 'bad link: ' + s.id + ' -> ' + o.id AS problem
    }
    RETURN problem`);
}
