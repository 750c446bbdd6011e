import { LIVE_STATUSES } from '../src/graph/vocabulary.js';
import neo4j from 'neo4j-driver';
import { alignPairs } from '../src/alignment/alignment.js';
import { nameKey } from '../src/common/validation.js';
import { toLuceneQuery } from '../src/search/search.service.js';
import { withArticles } from '../src/proposals/proposals.repository.js';
import { GREAT_POWERS, regionActors, syntheticPlan, SyntheticProposal } from './data/synthetic.js';

/**
 * The analysts' questions the bench asks, each served three ways:
 *  - ours: a GraphQL query to the service;
 *  - raw: the same Cypher files the service runs for that query (one
 *    statement each since the service reads a query's levels ahead), run
 *    with the driver and shaped into the same JSON (the limit of the stack:
 *    what is left is the GraphQL layer);
 *  - peer: a GraphQL query to @neo4j/graphql over the same data (peer/type-defs.ts).
 * `digest` reduces each answer to what must agree across the three, so a run
 * also checks that they answer the same question.
 */

/** Runs one statement from cypher/ by name and returns its rows as plain objects. */
export type Runner = <T = Row>(name: string, params: Record<string, unknown>) => Promise<T[]>;
type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Params = Record<string, unknown>;
export interface GraphqlRequest {
  query: string;
  variables: Params;
}
export type Variant = 'ours' | 'raw' | 'peer';

export interface Question {
  name: string;
  title: string;
  /** Parameter sets, rotated over the requests of a run. */
  params: Params[];
  ours(p: Params): GraphqlRequest;
  peer(p: Params): GraphqlRequest;
  raw(run: Runner, p: Params): Promise<unknown>;
  /** What must be equal across the variants' answers (null: not comparable for that variant). */
  digest(variant: Variant, answer: any): string | null; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const LIVE = [...LIVE_STATUSES];
const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
const sorted = (xs: string[]) => [...xs].sort().join(',');

const proposalCurrent: Omit<Question, 'params'> = {
  name: 'proposal-current',
  title: "a proposal's current stances with evidence",
  ours: ({ id }) => ({
    query: `query ($id: ID!) { proposal(id: $id) { id name currentStances { id position cue conditions statedOn sourceCount
      actor { id name } speaker { id name } evidence { quote article { id outlet publishedOn } } } } }`,
    variables: { id },
  }),
  peer: ({ id }) => ({
    query: `query ($id: ID!) { proposals(where: { id: { eq: $id } }) { id name currentStances { id position cue conditions statedOn sourceCount
      actor { id name } speaker { id name } evidenceConnection { edges { properties { quote } node { id publishedOn outlet { name } } } } } } }`,
    variables: { id },
  }),
  async raw(run, { id }) {
    // One statement, as the service reads it ahead (proposals/current-view).
    const [row] = await run('proposals/current-view', { id, withEvidence: true });
    const view = row && { proposal: row.proposal, stances: withArticles(row.stances, row.articles) };
    return {
      data: {
        proposal: view && {
          id: view.proposal.id,
          name: view.proposal.name,
          currentStances: view.stances.map((s: Row) => ({
            id: s.id,
            position: s.position,
            cue: s.cue,
            conditions: s.conditions,
            statedOn: s.statedOn,
            sourceCount: new Set(s.evidence.map((e: Row) => e.reportId)).size,
            actor: { id: s.actor.id, name: s.actor.name },
            speaker: s.speaker ? { id: s.speaker.id, name: s.speaker.name } : null,
            evidence: s.evidence.map((e: Row) => ({
              quote: e.quote,
              article: { id: e.article.id, outlet: e.article.outlet, publishedOn: e.article.publishedOn },
            })),
          })),
        },
      },
    };
  },
  digest(variant, answer) {
    const stances = variant === 'peer' ? answer.data.proposals[0].currentStances : answer.data.proposal.currentStances;
    return sorted(stances.map((s: Row) => `${s.id}:${s.sourceCount}`));
  },
};

// A page of 100 holds the whole timeline of every actor asked about (regional actors: at most 67 stances at any tier).
const TIMELINE_PAGE = 100;

const actorTimeline: Omit<Question, 'params'> = {
  name: 'actor-timeline',
  title: "an actor's timeline",
  ours: ({ id }) => ({
    query: `query ($id: ID!) { actor(id: $id) { id name kind represents { role state { id name } }
      stances(first: ${TIMELINE_PAGE}) { totalCount nodes { id position cue conditions statedOn effectiveOn proposal { id name } } } } }`,
    variables: { id },
  }),
  peer: ({ id }) => ({
    query: `query ($id: ID!) { actors(where: { id: { eq: $id } }) { id name kind representsConnection { edges { properties { role } node { id name } } }
      stances(where: { status: { in: ["PROPOSED", "CONFIRMED"] } }, sort: [{ effectiveOn: ASC }, { id: ASC }], limit: ${TIMELINE_PAGE}) {
        id position cue conditions statedOn effectiveOn proposal { id name } } } }`,
    variables: { id },
  }),
  async raw(run, { id }) {
    // One statement, as the service reads it ahead (actors/timeline-view).
    const [view] = await run('actors/timeline-view', {
      id,
      withStances: true,
      withSourceCount: false,
      after: null,
      limit: neo4j.int(TIMELINE_PAGE + 1),
      liveStatuses: LIVE,
    });
    return {
      data: {
        actor: view && {
          id: view.actor.id,
          name: view.actor.name,
          kind: view.actor.kind,
          represents: view.representations.map((r: Row) => ({
            role: r.role,
            state: { id: r.state.id, name: r.state.name },
          })),
          stances: {
            totalCount: view.stances.totalCount,
            nodes: view.stances.rows.slice(0, TIMELINE_PAGE).map((s: Row) => ({
              id: s.id,
              position: s.position,
              cue: s.cue,
              conditions: s.conditions,
              statedOn: s.statedOn,
              effectiveOn: s.effectiveOn,
              proposal: { id: s.proposal.id, name: s.proposal.name },
            })),
          },
        },
      },
    };
  },
  digest(variant, answer) {
    const stances = variant === 'peer' ? answer.data.actors[0].stances : answer.data.actor.stances.nodes;
    return sorted(stances.map((s: Row) => s.id));
  },
};

const stancesPage: Omit<Question, 'params'> = {
  name: 'stances-page',
  title: 'a filtered page of stances (a proposal, since a date, 20)',
  ours: ({ proposalId, from }) => ({
    query: `query ($p: ID!, $from: Date!) { stances(filter: { proposalId: $p, from: $from }, first: 20) {
      totalCount pageInfo { hasNextPage endCursor } nodes { id position cue statedOn effectiveOn actor { id name } } } }`,
    variables: { p: proposalId, from },
  }),
  peer: ({ proposalId, from }) => ({
    query: `query ($p: ID!, $from: String!) { proposals(where: { id: { eq: $p } }) {
      stancesConnection(where: { node: { effectiveOn: { gte: $from }, status: { in: ["PROPOSED", "CONFIRMED"] } } },
                        sort: [{ node: { effectiveOn: ASC } }, { node: { id: ASC } }], first: 20) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id position cue statedOn effectiveOn actor { id name } } } } } }`,
    variables: { p: proposalId, from },
  }),
  async raw(run, { proposalId, from }) {
    const query = {
      asOf: null,
      knownAsOf: null,
      actorId: null,
      proposalId,
      position: null,
      from,
      to: null,
      outlet: null,
      statuses: LIVE,
    };
    const [{ totalCount, rows }] = await run('stances/page-scoped', {
      ...query,
      after: null,
      limit: neo4j.int(21),
      withCount: true,
    });
    const page = (rows as Row[]).slice(0, 20);
    const cursor = (key: string) => Buffer.from(`c:${key}`, 'utf8').toString('base64url');
    return {
      data: {
        stances: {
          totalCount,
          pageInfo: {
            hasNextPage: rows.length > 20,
            endCursor: page.length ? cursor(page[page.length - 1].sortKey) : null,
          },
          nodes: page.map((s) => ({
            id: s.id,
            position: s.position,
            cue: s.cue,
            statedOn: s.statedOn,
            effectiveOn: s.effectiveOn,
            actor: { id: s.actor.id, name: s.actor.name },
          })),
        },
      },
    };
  },
  digest(variant, answer) {
    if (variant === 'peer') {
      const c = answer.data.proposals[0].stancesConnection;
      return `${c.totalCount}|${c.edges.map((e: Row) => e.node.id).join(',')}`;
    }
    const c = answer.data.stances;
    return `${c.totalCount}|${c.nodes.map((s: Row) => s.id).join(',')}`;
  },
};

const alignment: Omit<Question, 'params'> = {
  name: 'alignment',
  title: 'alignment of 10 actors over 20 proposals',
  ours: ({ actorIds, proposalIds }) => ({
    query: `query ($a: [ID!]!, $p: [ID!]!) { alignment(actorIds: $a, proposalIds: $p) {
      pairs { actorA { id name } actorB { id name } compared agree disagree opposed score } } }`,
    variables: { a: actorIds, p: proposalIds },
  }),
  // The peer has no alignment: it fetches what alignment is computed from
  // (the 10 actors' current stances on the 20 proposals); the client pairs them.
  peer: ({ actorIds, proposalIds }) => ({
    query: `query ($a: [ID!]!, $p: [ID!]!) { proposals(where: { id: { in: $p } }) { id currentStancesOf(actorIds: $a) { id position conditions actor { id } } } }`,
    variables: { a: actorIds, p: proposalIds },
  }),
  async raw(run, { actorIds, proposalIds }) {
    const [{ actors, stances }] = await run('alignment/align', {
      actorIds,
      proposalIds,
      asOf: null,
      knownAsOf: null,
      liveStatuses: LIVE,
    });
    const actorById = byId(actors as Array<{ id: string; name: string }>);
    const pairs = alignPairs(
      (actorIds as string[]).map((id) => actorById.get(id)!),
      proposalIds as string[],
      stances as never,
    );
    return {
      data: {
        alignment: {
          pairs: pairs.map((p) => ({
            actorA: { id: p.actorA.id, name: p.actorA.name },
            actorB: { id: p.actorB.id, name: p.actorB.name },
            compared: p.compared,
            agree: p.agree,
            disagree: p.disagree,
            opposed: p.opposed,
            score: p.score,
          })),
        },
      },
    };
  },
  digest(variant, answer) {
    if (variant === 'peer') return null;
    return answer.data.alignment.pairs.map((p: Row) => `${p.compared}/${p.agree}`).join(',');
  },
};

const search: Omit<Question, 'params'> = {
  name: 'search',
  title: 'search by alias',
  ours: ({ text }) => ({
    query: `query ($text: String!) { search(text: $text, first: 10) { score node { __typename ... on Actor { id name kind } ... on Proposal { id name } } } }`,
    variables: { text },
  }),
  peer: ({ text }) => ({
    query: `query ($phrase: String!) { actorsByName(phrase: $phrase, first: 10) { edges { score node { id name kind } } }
      proposalsByName(phrase: $phrase, first: 10) { edges { score node { id name } } } }`,
    variables: { phrase: toLuceneQuery(text as string) },
  }),
  async raw(run, { text }) {
    const hits = await run<{ type: string; score: number; node: Row }>('search/search', {
      key: nameKey(text as string),
      lucene: toLuceneQuery(text as string),
      limit: neo4j.int(10),
    });
    const node = (h: { type: string; node: Row }) =>
      h.type === 'Actor'
        ? { __typename: h.type, id: h.node.id, name: h.node.name, kind: h.node.kind }
        : { __typename: h.type, id: h.node.id, name: h.node.name };
    return { data: { search: hits.map((h) => ({ score: h.score, node: node(h) })) } };
  },
  digest(variant, answer) {
    // The peer ranks by Lucene score only (no exact-name boost): compare the best hit.
    if (variant === 'peer') {
      const hits = [...answer.data.actorsByName.edges, ...answer.data.proposalsByName.edges].sort(
        (x: Row, y: Row) => y.score - x.score,
      );
      return hits[0]?.node.id ?? '';
    }
    return answer.data.search[0]?.node.id ?? '';
  },
};

export const QUESTIONS: Array<Omit<Question, 'params'>> = [
  proposalCurrent,
  actorTimeline,
  stancesPage,
  alignment,
  search,
];

/** The questions with their parameters, picked from the generated graph of N stances. */
export function questions(stances: number, rotation = 32): Question[] {
  const proposals: SyntheticProposal[] = [];
  for (const p of syntheticPlan(stances).proposals()) {
    proposals.push(p);
    if (proposals.length >= Math.max(rotation, 20) + 1) break;
  }
  // The last proposal of a tiny tier may be cut short; ask about whole ones when there are any.
  const whole = proposals.length > 1 ? proposals.slice(0, -1) : proposals;
  const at = <T>(xs: T[], i: number) => xs[i % xs.length];
  const holders = new Map<string, number>();
  for (const p of whole)
    for (const s of p.stances) holders.set(s.input.actorId, (holders.get(s.input.actorId) ?? 0) + 1);
  // Regional actors: their stances are the same at every tier. (A great power's timeline grows with
  // the graph, as its stances do: its cost follows its answer, which a scale curve would blur.)
  const powers = new Set(GREAT_POWERS.map((a) => a.id));
  const actorIds = [...holders.keys()].filter((id) => !powers.has(id)).sort();
  const statesOf = (p: SyntheticProposal) => p.stances.map((s) => s.input.actorId);
  const known = new Map([...GREAT_POWERS, ...regionActors(0)].map((a) => [a.id!, a]));

  const params: Record<string, Params[]> = {
    'proposal-current': Array.from({ length: rotation }, (_, i) => ({ id: at(whole, i).upsert.id })),
    'actor-timeline': Array.from({ length: rotation }, (_, i) => ({ id: at(actorIds, i * 7) })),
    'stances-page': Array.from({ length: rotation }, (_, i) => {
      const p = at(whole, i);
      return { proposalId: p.upsert.id, from: `${Number(p.upsert.proposedOn!.slice(0, 4)) + 1}-01-01` };
    }),
    alignment: Array.from({ length: Math.min(rotation, 8) }, (_, i) => {
      const set = Array.from({ length: Math.min(20, whole.length) }, (_, k) => at(whole, i + k));
      // The ten actors with the most stances on those proposals: the ones an analyst compares.
      const count = new Map<string, number>();
      for (const p of set) for (const a of statesOf(p)) count.set(a, (count.get(a) ?? 0) + 1);
      const top = [...count.entries()]
        .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
        .slice(0, 10)
        .map(([a]) => a);
      return { actorIds: top, proposalIds: set.map((p) => p.upsert.id) };
    }),
    search: Array.from({ length: rotation }, (_, i) => {
      // Aliases as analysts type them: a capital, "the X government", a ministry, a proposal's other name.
      const p = at(whole, i);
      if (i % 4 === 3) return { text: p.upsert.aliases![0] };
      const holder = known.get(at(p.stances, i).input.actorId)!;
      return { text: at(holder.aliases ?? [holder.name], i) };
    }),
  };
  return QUESTIONS.map((q) => ({ ...q, params: params[q.name] }));
}
