import fc from 'fast-check';
import { DomainError } from '../../src/common/errors/error-code.js';
import { IngestService } from '../../src/ingest/ingest.service.js';
import { graphFingerprint, startTestApp, TestApp } from '../support/app.js';
import { recordFigures } from './support/figures.js';
import { integrity } from './support/graph-checks.js';
import {
  badDate,
  badId,
  INJECTIONS,
  legalOddName,
  oddText,
  tooLong,
  withControl,
  wrongType,
} from './support/hostile.js';
import { knobs } from './support/knobs.js';

/** Every code a client may see; INTERNAL_SERVER_ERROR or a missing code is a finding. */
const CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'QUERY_TOO_COMPLEX',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PAYLOAD_TOO_LARGE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
]);
const MAX_ARTICLE_CHARS = 20_000;
const share = (fraction: number) => Math.max(1, Math.round(knobs.fuzzRuns * fraction));

type Who = 'anonymous' | 'reader' | 'editor' | 'admin';

/**
 * Item 6 of issue 5: property-based fuzzing (fast-check) of the API over
 * HTTP on a loopback port and of the ingest pipeline: broken GraphQL, wrong
 * types, control characters, huge strings, odd Unicode, injection-looking
 * text. Every answer carries a known code, the process stays up, and the
 * graph changes only by the writes that were valid (and as many as them).
 */
describe('fuzzing the API and the ingest pipeline', () => {
  let t: TestApp;
  const tally: Record<string, number> = {};
  let inputs = 0;
  const findings: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({ STANCE_MAX_ARTICLE_CHARS: String(MAX_ARTICLE_CHARS) });
    // Something for valid references to point at.
    await t.gql(`mutation { upsertActor(input: { id: "fuzz-state", name: "Fuzz State", kind: STATE }) { id } }`);
    await t.gql(`mutation { upsertProposal(input: { id: "fuzz-plan", name: "Fuzz plan" }) { id } }`);
  });

  afterAll(async () => {
    await t?.close();
  });

  beforeEach(() => {
    findings.splice(0);
  });

  /** Sends a raw body; returns the codes of the answer (OK for a clean success). */
  async function post(body: string, who: Who, headers: Record<string, string> = {}): Promise<string[]> {
    inputs += 1;
    const auth: Record<string, string> = who === 'anonymous' ? {} : { authorization: `Bearer ${t.tokens[who]}` };
    const res = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth, ...headers },
      body,
    });
    const requestId = res.headers.get('x-request-id') ?? '';
    if (!/^[A-Za-z0-9._:@/+=-]{1,128}$/.test(requestId))
      findings.push(`unsafe x-request-id echoed: ${JSON.stringify(requestId)}`);
    if (res.status >= 500) findings.push(`HTTP ${res.status} for ${body.slice(0, 120)}`);
    const text = await res.text();
    let parsed: {
      data?: unknown;
      errors?: Array<{ message?: string; extensions?: { code?: string; stacktrace?: unknown } }>;
    };
    try {
      parsed = JSON.parse(text);
    } catch {
      findings.push(`not JSON (HTTP ${res.status}): ${text.slice(0, 120)}`);
      return ['NOT_JSON'];
    }
    const codes = (parsed.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
    for (const e of parsed.errors ?? []) {
      if (e.extensions?.stacktrace) findings.push('a stack trace was sent');
      if (/Neo4jError|Neo\.(Client|Transient|Database)Error|\bat \S+ \(.*:\d+:\d+\)|node_modules/.test(e.message ?? ''))
        findings.push(`leaky message: ${e.message}`);
    }
    for (const c of codes) if (!CODES.has(c)) findings.push(`code ${c} for ${body.slice(0, 160)}`);
    const out = codes.length > 0 ? codes : ['OK'];
    for (const c of out) tally[c] = (tally[c] ?? 0) + 1;
    return out;
  }

  const gqlBody = (query: string, variables?: unknown) => JSON.stringify({ query, variables });

  it('answers broken GraphQL, wrong types and garbage bodies with a code, and writes nothing', async () => {
    const before = await graphFingerprint(t);
    const VALID = [
      '{ actors(first: 5) { totalCount nodes { id name } } }',
      'query Q($id: ID!) { actor(id: $id) { id name represents { role } } }',
      '{ proposal(id: "fuzz-plan") { id currentStances { id position actor { name } } } }',
      'query S($t: String!) { search(text: $t) { score } }',
      'mutation M($i: UpsertActorInput!) { upsertActor(input: $i) { id } }',
    ];
    const mutate = fc
      .tuple(
        fc.constantFrom(...VALID),
        fc.nat(),
        fc.oneof(fc.constantFrom('{', '}', '(', ')', '$', '"', '#', '...', '@', ':', '!', '\\', ''), oddText),
      )
      .map(([q, at, insert]) => {
        const i = at % (q.length + 1);
        return q.slice(0, i) + insert + q.slice(i + (at % 3));
      });
    const deep = fc
      .integer({ min: 7, max: 40 })
      .map(
        (n) => `{ actors(first: 1) { nodes { ${'stances { nodes { actor { '.repeat(n)}id${' } } }'.repeat(n)} } } }`,
      );
    const aliases = fc
      .integer({ min: 16, max: 200 })
      .map((n) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: actors(first: 1) { totalCount }`).join(' ')} }`);
    const tokens = fc
      .integer({ min: 1001, max: 6000 })
      .map((n) => `{ actors(first: 1) { totalCount ${'__typename '.repeat(n)} } }`);
    const body = fc.oneof(
      // The one mutation here has an invalid name, so no mutated document can write.
      {
        weight: 4,
        arbitrary: mutate.map((q) => gqlBody(q, { id: 'fuzz-state', t: 'fuzz', i: { name: ' ', kind: 'STATE' } })),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(fc.constantFrom(...VALID), fc.dictionary(fc.string({ maxLength: 4 }), wrongType))
          .map(([q, v]) => gqlBody(q, v)),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(
            fc.constantFrom(...VALID),
            fc.record({ id: fc.oneof(oddText, wrongType), t: fc.oneof(oddText, wrongType) }),
          )
          .map(([q, v]) => gqlBody(q, v)),
      },
      { weight: 1, arbitrary: deep.map((q) => gqlBody(q)) },
      { weight: 1, arbitrary: aliases.map((q) => gqlBody(q)) },
      { weight: 1, arbitrary: tokens.map((q) => gqlBody(q)) },
      {
        weight: 1,
        arbitrary: fc
          .array(
            fc.constantFrom(...VALID).map((q) => ({ query: q })),
            { minLength: 1, maxLength: 5 },
          )
          .map((a) => JSON.stringify(a)),
      },
      { weight: 2, arbitrary: fc.json() },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
      {
        weight: 1,
        arbitrary: fc
          .record({
            query: wrongType,
            variables: fc.oneof(wrongType, oddText),
            operationName: fc.oneof(wrongType, oddText),
          })
          .map((o) => JSON.stringify(o)),
      },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          '',
          '{',
          '[]',
          '{"query":',
          'null',
          '"query"',
          '{"query": "{ __schema { types { name } } }"}',
          '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}',
        ),
      },
    );
    const who = fc.constantFrom<Who>('anonymous', 'reader', 'editor');
    const requestId = fc.oneof(fc.constant(undefined), oddText, fc.constant('ok-id-123'));
    await fc.assert(
      fc.asyncProperty(body, who, requestId, async (b, w, rid) => {
        const headers: Record<string, string> = {};
        if (rid !== undefined && /^[\t\x20-\x7e]*$/.test(rid)) headers['x-request-id'] = rid;
        await post(b, w, headers);
        return true;
      }),
      { numRuns: share(0.45), seed: knobs.seed, endOnFailure: true },
    );
    // A body over the limit, and a wrong content type.
    expect(await post(gqlBody(`{ search(text: "${'x'.repeat(2_200_000)}") { score } }`), 'reader')).toEqual([
      'PAYLOAD_TOO_LARGE',
    ]);
    const plain = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{ actors { totalCount } }',
    });
    expect(plain.status).toBe(400);
    inputs += 1;
    expect(findings).toEqual([]);
    expect(await graphFingerprint(t)).toEqual(before);
  });

  it('refuses every invalid write with a code and writes nothing', async () => {
    const before = await graphFingerprint(t);
    const UPSERT_ACTOR = 'mutation M($i: UpsertActorInput!) { upsertActor(input: $i) { id } }';
    const UPSERT_PROPOSAL = 'mutation M($i: UpsertProposalInput!) { upsertProposal(input: $i) { id } }';
    const RECORD = 'mutation M($i: RecordStanceInput!) { recordStance(input: $i) { id } }';
    const INGEST = 'mutation M($i: IngestArticleInput!) { ingestArticle(input: $i) { article { id } } }';
    const stance = (over: Record<string, unknown>) => ({
      actorId: 'fuzz-state',
      proposalId: 'fuzz-plan',
      position: 'SUPPORT',
      ...over,
    });
    const evidence = (over: Record<string, unknown>) => ({
      quote: 'a quote',
      article: { url: 'https://fuzz.example/e' },
      ...over,
    });
    const invalid = fc.oneof(
      // upsertActor
      fc
        .oneof(fc.constantFrom('', '   '), tooLong(200), withControl)
        .map((name) => [UPSERT_ACTOR, { i: { name, kind: 'STATE' } }]),
      badId.map((id) => [UPSERT_ACTOR, { i: { id, name: 'Valid Name', kind: 'STATE' } }]),
      fc.oneof(oddText, wrongType).map((kind) => [UPSERT_ACTOR, { i: { name: 'Valid Name', kind } }]),
      fc
        .oneof(
          fc.array(fc.constant('alias'), { minLength: 51, maxLength: 60 }),
          withControl.map((a) => [a]),
          tooLong(200).map((a) => [a]),
        )
        .map((aliases) => [UPSERT_ACTOR, { i: { name: 'Valid', kind: 'STATE', aliases } }]),
      fc
        .oneof(badId, fc.constant('no-such-state'))
        .map((stateId) => [
          UPSERT_ACTOR,
          { i: { id: 'fuzz-never', name: 'Never', kind: 'PERSON', represents: { stateId } } },
        ]),
      // upsertProposal
      badDate.map((proposedOn) => [UPSERT_PROPOSAL, { i: { id: 'fuzz-never-p', name: 'Never plan', proposedOn } }]),
      fc
        .oneof(tooLong(2000), withControl)
        .map((summary) => [UPSERT_PROPOSAL, { i: { id: 'fuzz-never-p', name: 'Never plan', summary } }]),
      fc
        .oneof(badId, fc.constant('no-such-actor'))
        .map((proposedById) => [UPSERT_PROPOSAL, { i: { id: 'fuzz-never-p', name: 'Never plan', proposedById } }]),
      // recordStance
      fc.oneof(badId, fc.constant('no-such-actor')).map((actorId) => [RECORD, { i: stance({ actorId }) }]),
      fc.oneof(badId, fc.constant('no-such-plan')).map((proposalId) => [RECORD, { i: stance({ proposalId }) }]),
      badDate.map((statedOn) => [RECORD, { i: stance({ statedOn }) }]),
      fc
        .oneof(fc.double({ min: 1.0001, max: 1e9, noNaN: true }), fc.double({ min: -1e9, max: -0.0001, noNaN: true }))
        .map((confidence) => [RECORD, { i: stance({ confidence }) }]),
      fc.oneof(oddText, wrongType).map((position) => [RECORD, { i: stance({ position }) }]),
      fc
        .oneof(fc.constantFrom('', '  '), tooLong(2000), withControl)
        .map((quote) => [RECORD, { i: stance({ evidence: [evidence({ quote })] }) }]),
      fc
        .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }))
        .map(([a, b]) => [
          RECORD,
          { i: stance({ evidence: [evidence({ charStart: Math.max(a, b), charEnd: Math.min(a, b) })] }) },
        ]),
      fc
        .oneof(
          badDate.map((publishedOn) => ({ url: 'https://fuzz.example/d', publishedOn })),
          tooLong(2000).map((url) => ({ url })),
          fc.constant({}),
        )
        .map((article) => [RECORD, { i: stance({ evidence: [evidence({ article })] }) }]),
      fc
        .array(fc.constant('c'), { minLength: 11, maxLength: 20 })
        .map((conditions) => [RECORD, { i: stance({ conditions: conditions.map((c, k) => `${c}${k}`) }) }]),
      fc.constant([
        RECORD,
        { i: stance({ evidence: Array.from({ length: 51 }, (_, k) => evidence({ quote: `q${k}` })) }) },
      ]),
      // ingestArticle
      fc.oneof(fc.constantFrom('', ' \n\t '), tooLong(MAX_ARTICLE_CHARS)).map((text) => [INGEST, { i: { text } }]),
      badDate.map((publishedOn) => [INGEST, { i: { text: 'Kenya welcomed the Black Sea grain deal.', publishedOn } }]),
      fc
        .oneof(tooLong(2000), withControl)
        .map((url) => [INGEST, { i: { text: 'Kenya welcomed the Black Sea grain deal.', url } }]),
      fc
        .oneof(tooLong(200), withControl)
        .map((outlet) => [INGEST, { i: { text: 'Kenya welcomed the Black Sea grain deal.', outlet } }]),
      // analyst decisions on stances that do not exist, or ids that are not ids
      fc
        .tuple(fc.constantFrom('confirmStance', 'rejectStance'), fc.oneof(badId, fc.constant('st-0000000000000000')))
        .map(([m, id]) => [`mutation M($id: ID!) { ${m}(id: $id) { id } }`, { id }]),
    );
    // Who sends it: mostly an editor (so validation is what refuses it); admin-only mutations as an editor get FORBIDDEN.
    const forbidden = fc
      .tuple(
        fc.constantFrom(
          'mergeActors(keepId: "fuzz-state", mergeId: "fuzz-state")',
          'retractStance(id: "st-0000000000000000")',
        ),
        oddText,
      )
      .map(([f]) => [`mutation { ${f} { id } }`, {}]);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 12, arbitrary: invalid }, { weight: 1, arbitrary: forbidden }),
        fc.constantFrom<Who>('editor', 'editor', 'editor', 'anonymous', 'reader'),
        async ([query, variables], who) => {
          const codes = await post(gqlBody(query as string, variables), who);
          if (codes.includes('OK')) findings.push(`accepted: ${JSON.stringify(variables).slice(0, 200)}`);
          return true;
        },
      ),
      { numRuns: share(0.3), seed: knobs.seed + 1, endOnFailure: true },
    );
    expect(findings).toEqual([]);
    expect(await graphFingerprint(t)).toEqual(before);
  });

  it('stores hostile but valid names verbatim, and changes the graph by exactly those writes', async () => {
    const before = await graphFingerprint(t);
    let n = 0;
    const sent = new Map<string, string>();
    await fc.assert(
      fc.asyncProperty(legalOddName, fc.constantFrom('STATE', 'PERSON', 'ORGANIZATION'), async (name, kind) => {
        const id = `fuzz-valid-${knobs.seed}-${n++}`;
        const codes = await post(
          gqlBody('mutation M($i: UpsertActorInput!) { upsertActor(input: $i) { id name } }', {
            i: { id, name, kind },
          }),
          'editor',
        );
        if (codes[0] !== 'OK') findings.push(`refused a valid name (${codes.join(',')}): ${JSON.stringify(name)}`);
        else sent.set(id, name.trim());
        return true;
      }),
      { numRuns: share(0.03), seed: knobs.seed + 2, endOnFailure: true },
    );
    expect(findings).toEqual([]);
    const stored = await t.cypher<{ id: string; name: string }>(
      'MATCH (a:Actor) WHERE a.id IN $ids RETURN a.id AS id, a.name AS name',
      { ids: [...sent.keys()] },
    );
    expect(stored).toHaveLength(sent.size);
    for (const row of stored) expect(row.name).toBe(sent.get(row.id));
    const after = await graphFingerprint(t);
    // One Actor node per valid write, no relationship.
    expect({ nodes: after.nodes - before.nodes, rels: after.rels - before.rels }).toEqual({
      nodes: sent.size,
      rels: 0,
    });
    recordFigures('fuzz-valid-writes', {
      validWrites: sent.size,
      nodesAdded: after.nodes - before.nodes,
      relationshipsAdded: after.rels - before.rels,
    });
  });

  it('the ingest pipeline refuses invalid articles with BAD_USER_INPUT and writes nothing, and writes valid hostile ones once', async () => {
    const ingest = t.app.get(IngestService);
    const pipelineCodes: Record<string, number> = {};
    const note = (code: string) => (pipelineCodes[code] = (pipelineCodes[code] ?? 0) + 1);
    const run = async (input: Record<string, unknown>): Promise<string | null> => {
      inputs += 1;
      try {
        const out = await ingest.ingest(input as never);
        note('OK');
        return out.article.id;
      } catch (error) {
        const code =
          error instanceof DomainError
            ? error.code
            : `UNCODED ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`;
        note(code);
        if (code !== 'BAD_USER_INPUT') findings.push(`pipeline: ${code}`);
        return null;
      }
    };

    // Invalid by construction: refused, nothing written.
    const before = await graphFingerprint(t);
    const invalid = fc.oneof(
      fc.oneof(fc.constantFrom('', '   ', '\n\n'), tooLong(MAX_ARTICLE_CHARS), wrongType).map((text) => ({ text })),
      badDate.map((publishedOn) => ({ text: 'Chile backed the ceasefire plan for Sudan on Friday.', publishedOn })),
      fc
        .oneof(
          tooLong(2000),
          withControl,
          wrongType.filter((v) => v !== null),
        )
        .map((url) => ({ text: 'Chile backed the ceasefire plan.', url })),
      fc.oneof(tooLong(200), withControl).map((outlet) => ({ text: 'Chile backed the ceasefire plan.', outlet })),
      fc.oneof(tooLong(2000), withControl).map((title) => ({ text: 'Chile backed the ceasefire plan.', title })),
    );
    await fc.assert(
      fc.asyncProperty(invalid, async (input) => {
        const id = await run(input);
        if (id !== null) findings.push(`pipeline accepted ${JSON.stringify(input).slice(0, 160)}`);
        return true;
      }),
      { numRuns: share(0.16), seed: knobs.seed + 3, endOnFailure: true },
    );
    expect(findings).toEqual([]);
    expect(await graphFingerprint(t)).toEqual(before);

    // Hostile but valid: odd Unicode, injections and control characters around real sentences.
    const articlesBefore = Number(
      (await t.cypher<{ n: number }>('MATCH (a:Article) RETURN toInteger(count(a)) AS n'))[0].n,
    );
    const accepted = new Set<string>();
    let k = 0;
    const text = fc
      .tuple(
        fc.array(
          fc.oneof(
            fc.string({ unit: 'binary', maxLength: 80 }),
            fc.constantFrom(...INJECTIONS),
            fc.constantFrom(
              'Kenya welcomed the Black Sea grain deal on Monday.',
              'Chile opposed the ceasefire plan for Sudan.',
              'Ghana declined to say whether it supports the initiative to expand the Security Council.',
            ),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        fc.constantFrom(' ', '\n', '\n\n', '\t', '\u00a0', '\u2028', '\r\n'),
      )
      .map(([parts, sep]) => parts.join(sep));
    await fc.assert(
      fc.asyncProperty(
        text,
        fc.oneof(fc.constant(null), fc.constantFrom('2024-01-15', '2023-11')),
        async (body, publishedOn) => {
          const id = await run({ text: body, url: `https://fuzz.example/${knobs.seed}/${k++}`, publishedOn });
          if (id) accepted.add(id);
          return true;
        },
      ),
      { numRuns: share(0.06), seed: knobs.seed + 4, endOnFailure: true },
    );
    expect(findings).toEqual([]);
    const articlesAfter = Number(
      (await t.cypher<{ n: number }>('MATCH (a:Article) RETURN toInteger(count(a)) AS n'))[0].n,
    );
    // Each accepted article once; a refused one left no article behind.
    expect(articlesAfter - articlesBefore).toBe(accepted.size);
    const check = await integrity(t);
    expect(check.duplicateNodes + Object.values(check.duplicateRelationships).reduce((a, b) => a + b, 0)).toBe(0);

    // The process is alive and still serving.
    expect((await fetch(`${t.url}/health/live`)).status).toBe(200);
    expect((await fetch(`${t.url}/health/ready`)).status).toBe(200);
    recordFigures('fuzz', {
      inputsFuzzed: inputs,
      httpAnswersByCode: tally,
      pipelineAnswersByCode: pipelineCodes,
      validArticlesWritten: accepted.size,
      uncodedAnswers: 0,
      findings: findings.length,
      seed: knobs.seed,
    });
  });
});
