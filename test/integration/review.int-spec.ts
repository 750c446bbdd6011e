import type { Client } from 'graphql-ws';
import { DemoService } from '../../src/demo/demo.service.js';
import { CONFIDENCE_MODEL, estimate, FEATURES } from '../../src/extraction/index.js';
import { IngestRepository } from '../../src/ingest/ingest.repository.js';
import { STANCE_REVIEWED } from '../../src/live/stance-events.js';
import { graphFingerprint, resetGraph, startTestApp, TestApp } from '../support/app.js';
import { subscribe, untilListening, wsClient } from '../support/live.js';

/*
 * The review desk's API against a real Neo4j: the queue of PROPOSED stances,
 * decisions with optimistic concurrency, amendments that keep the extractor's
 * reading, bulk decisions and their undo, and the live feed of decisions.
 * The articles are invented (not claims about what anyone said).
 */
const ARTICLES = [
  {
    url: 'https://example.test/review/japan',
    publishedOn: '2022-03-08',
    text: `TOKYO - Japan now supports a declaration formally ending the Korean War, Foreign Minister Yoshimasa Hayashi said on Tuesday.

"We back the declaration of the end of the Korean War as a step toward lasting peace," Hayashi told reporters in Tokyo.`,
  },
  {
    url: 'https://example.test/review/china',
    publishedOn: '2022-03-09',
    text: `BEIJING - China on Wednesday rejected the declaration formally ending the Korean War as premature, the foreign ministry said.

Russia said it supports inter-Korean military talks.`,
  },
  {
    // No date anywhere: its stance is undated.
    url: 'https://example.test/review/undated',
    text: `Mongolia backs the declaration formally ending the Korean War, its foreign ministry said.`,
  },
];

const STANCE = `id status version position statedOn conditions actor { id } proposal { id } speaker { id } evidence { quote charStart charEnd }`;

interface StanceView {
  id: string;
  status: string;
  version: number;
  position: string;
  statedOn: string | null;
  conditions: string[];
  actor: { id: string };
  proposal: { id: string };
  speaker: { id: string } | null;
  evidence: Array<{ quote: string; charStart: number | null; charEnd: number | null }>;
}

describe('the review desk API', () => {
  let t: TestApp;
  let client: Client;
  let proposed: StanceView[];

  const queue = async (filter: Record<string, string> = {}) => {
    const res = await t.gql<{ reviewQueue: { totalCount: number; nodes: StanceView[] } }>(
      `query ($f: ReviewFilter) { reviewQueue(filter: $f, first: 100) { totalCount nodes { ${STANCE} confidence } } }`,
      { f: filter },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.reviewQueue;
  };
  const stance = async (id: string) => {
    const res = await t.gql<{ stance: StanceView }>(`query ($id: ID!) { stance(id: $id) { ${STANCE} } }`, { id });
    expect(res.errors).toBeUndefined();
    return res.data!.stance;
  };
  const currentEdge = async (actorId: string, proposalId: string) =>
    t.cypher<{ type: string; stanceId: string }>(
      `MATCH (:Actor {id: $a})-[r:SUPPORTS|OPPOSES|NONCOMMITTAL_ON]->(:Proposal {id: $p}) RETURN type(r) AS type, r.stanceId AS stanceId`,
      { a: actorId, p: proposalId },
    );

  beforeAll(async () => {
    await resetGraph();
    t = await startTestApp();
    await t.app.get(DemoService).load();
    for (const a of ARTICLES) {
      const res = await t.gql(
        `mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { stances { id } } }`,
        { input: { ...a, outlet: 'Test Wire' } },
      );
      expect(res.errors).toBeUndefined();
    }
    proposed = (await queue()).nodes;
    client = wsClient(t);
  });
  afterAll(async () => {
    await client?.dispose();
    await t?.close();
  });

  it('queues the PROPOSED stances, likeliest mistakes first, each at version 0', async () => {
    expect(proposed.length).toBeGreaterThanOrEqual(3);
    for (const s of proposed) {
      expect(s.status).toBe('PROPOSED');
      expect(s.version).toBe(0);
    }
    // Least sure first: the confidence is the extractor's estimate that the reading is right.
    const confidences = (proposed as Array<StanceView & { confidence: number }>).map((s) => s.confidence);
    expect(new Set(confidences).size).toBeGreaterThan(1);
    expect(confidences).toEqual([...confidences].sort((x, y) => x - y));
    const onEow = await queue({ proposalId: 'end-of-war-declaration' });
    expect(onEow.nodes.length).toBeGreaterThan(0);
    expect(onEow.nodes.every((s) => s.proposal.id === 'end-of-war-declaration')).toBe(true);
    expect(onEow.totalCount).toBe(proposed.filter((s) => s.proposal.id === 'end-of-war-declaration').length);
  });

  it("keeps an ingested article's text, and marks where each stance's parts are written in it", async () => {
    const [row] = await t.cypher<{ id: string }>(`MATCH (a:Article {url: $url}) RETURN a.id AS id`, {
      url: ARTICLES[1].url,
    });
    const res = await t.gql<{
      article: {
        text: string;
        stances: Array<{
          cue: string;
          evidence: Array<{
            charStart: number;
            charEnd: number;
            marks: Array<{ kind: string; charStart: number; charEnd: number }>;
          }>;
        }>;
      };
    }>(
      `query ($id: ID!) { article(id: $id) { text stances { cue evidence { charStart charEnd marks { kind charStart charEnd } } } } }`,
      {
        id: row.id,
      },
    );
    expect(res.errors).toBeUndefined();
    const { text, stances } = res.data!.article;
    expect(text).toContain('China on Wednesday rejected');
    const rejected = stances.find((s) => s.cue === 'rejected')!;
    const marks = rejected.evidence[0].marks.map((m) => [m.kind, text.slice(m.charStart, m.charEnd)]);
    expect(marks).toEqual(
      expect.arrayContaining([
        ['HOLDER', 'China'],
        ['CUE', 'rejected'],
      ]),
    );
    expect(marks.some(([k]) => k === 'PROPOSAL')).toBe(true);
  });

  it('applies a decision at the version seen, and refuses a stale one with CONFLICT, writing nothing', async () => {
    const target = proposed[0];
    const ok = await t.gql<{ confirmStance: StanceView }>(
      `mutation ($id: ID!, $v: Int) { confirmStance(id: $id, expectedVersion: $v) { ${STANCE} } }`,
      { id: target.id, v: 0 },
    );
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.confirmStance).toMatchObject({ status: 'CONFIRMED', version: 1 });
    const [who] = await t.cypher<{ by: string }>(`MATCH (s:Stance {id: $id}) RETURN s.reviewedBy AS by`, {
      id: target.id,
    });
    expect(who.by).toBe('test-editor');

    // The same decision again is no change, whatever version it names.
    const again = await t.gql(`mutation ($id: ID!) { confirmStance(id: $id, expectedVersion: 0) { version } }`, {
      id: target.id,
    });
    expect(again.errors).toBeUndefined();

    const before = await graphFingerprint(t);
    const stale = await t.gql(`mutation ($id: ID!) { rejectStance(id: $id, expectedVersion: 0) { id } }`, {
      id: target.id,
    });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(await graphFingerprint(t)).toEqual(before);
    expect(await stance(target.id)).toMatchObject({ status: 'CONFIRMED', version: 1 });
  });

  it("amends a stance's proposal to an existing one: a new CONFIRMED stance, the extractor's reading kept", async () => {
    const target = proposed.find((s) => s.status === 'PROPOSED' && s.proposal.id !== 'inter-korean-dialogue')!;
    const fresh = await stance(target.id);
    const events = subscribe<{ stanceReviewed: { id: string; status: string } }>(
      client,
      `subscription { stanceReviewed { id status } }`,
    );
    await untilListening(t, { [STANCE_REVIEWED]: 1 });

    const res = await t.gql<{
      amendStance: StanceView & {
        amendments: Array<{
          by: string;
          fields: string[];
          before: { proposalId: string; position: string };
          after: { proposalId: string };
          fromStanceId: string;
          toStanceId: string;
        }>;
      };
    }>(
      `mutation ($id: ID!, $v: Int) { amendStance(id: $id, expectedVersion: $v, input: { proposalId: "inter-korean-dialogue", conditions: ["only if the talks resume"], note: "the article is about the dialogue" }) {
        ${STANCE} amendments { by fields before { proposalId position } after { proposalId } fromStanceId toStanceId } } }`,
      { id: target.id, v: fresh.version },
    );
    expect(res.errors).toBeUndefined();
    const amended = res.data!.amendStance;
    expect(amended.id).not.toBe(target.id);
    expect(amended).toMatchObject({
      status: 'CONFIRMED',
      version: 1,
      proposal: { id: 'inter-korean-dialogue' },
      actor: { id: target.actor.id },
      position: target.position,
      conditions: ['only if the talks resume'],
    });
    expect(amended.evidence).toEqual(target.evidence);
    expect(amended.amendments).toEqual([
      {
        by: 'test-editor',
        fields: ['proposalId', 'conditions'],
        before: { proposalId: target.proposal.id, position: target.position },
        after: { proposalId: 'inter-korean-dialogue' },
        fromStanceId: target.id,
        toStanceId: amended.id,
      },
    ]);
    expect(await stance(target.id)).toMatchObject({
      status: 'AMENDED',
      version: fresh.version + 1,
      proposal: target.proposal,
    });
    // The current-stance edges follow in the same transaction.
    expect(await currentEdge(target.actor.id, 'inter-korean-dialogue')).toEqual([
      {
        type: target.position === 'SUPPORT' ? 'SUPPORTS' : target.position === 'OPPOSE' ? 'OPPOSES' : 'NONCOMMITTAL_ON',
        stanceId: amended.id,
      },
    ]);
    const old = await currentEdge(target.actor.id, target.proposal.id);
    expect(old.every((e) => e.stanceId !== target.id)).toBe(true);

    const seen = await events.next(2);
    expect(seen.map((e) => e.stanceReviewed).sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      { id: target.id, status: 'AMENDED' },
      { id: amended.id, status: 'CONFIRMED' },
    ]);

    // An amended stance is not decided on again; its amendment is.
    const onOld = await t.gql(`mutation ($id: ID!) { confirmStance(id: $id) { id } }`, { id: target.id });
    expect(onOld.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('amends in place when only the speaker or conditions change, and refuses bad input writing nothing', async () => {
    const target = (await queue()).nodes[0];
    const before = await graphFingerprint(t);
    const refusals: Array<[string, Record<string, unknown>, string]> = [
      ['unknown proposal', { proposalId: 'no-such-proposal' }, 'NOT_FOUND'],
      ['unknown speaker', { speakerId: 'no-such-person' }, 'NOT_FOUND'],
      ['speaker is the holder', { speakerId: target.actor.id }, 'BAD_USER_INPUT'],
      ['no change', { position: target.position }, 'BAD_USER_INPUT'],
      ['bad date', { statedOn: '2022-13-40' }, 'BAD_USER_INPUT'],
    ];
    for (const [why, input, code] of refusals) {
      const res = await t.gql(
        `mutation ($id: ID!, $input: AmendStanceInput!) { amendStance(id: $id, input: $input) { id } }`,
        {
          id: target.id,
          input,
        },
      );
      expect([why, res.errors?.[0].extensions?.code]).toEqual([why, code]);
    }
    const stale = await t.gql(
      `mutation ($id: ID!) { amendStance(id: $id, expectedVersion: 7, input: { conditions: ["x"] }) { id } }`,
      { id: target.id },
    );
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
    const reader = await t.gql(
      `mutation ($id: ID!) { amendStance(id: $id, input: { conditions: ["x"] }) { id } }`,
      { id: target.id },
      { as: 'reader' },
    );
    expect(reader.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await graphFingerprint(t)).toEqual(before);

    const res = await t.gql<{ amendStance: StanceView & { amendments: Array<{ fields: string[] }> } }>(
      `mutation ($id: ID!) { amendStance(id: $id, expectedVersion: 0, input: { speakerId: "taro-kono", conditions: [] }) { ${STANCE} amendments { fields } } }`,
      { id: target.id },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.amendStance).toMatchObject({
      id: target.id,
      status: 'CONFIRMED',
      version: 1,
      speaker: { id: 'taro-kono' },
    });
    expect(res.data!.amendStance.amendments.length).toBe(1);
  });

  it('teaches the extractor: the words of a made-up proposal, amended onto a known one, link to it next time', async () => {
    const ingest = (text: string, url: string) =>
      t.gql<{
        ingestArticle: {
          stances: Array<{ id: string; proposal: { id: string }; version: number }>;
          newProposals: Array<{ id: string }>;
        };
      }>(
        `mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { stances { id version proposal { id } } newProposals { id } } }`,
        { input: { text, url, outlet: 'Lesson Wire', publishedOn: '2022-04-01' } },
      );
    const first = await ingest(
      'ULAANBAATAR - Mongolia on Friday backed the Ulaanbaatar peace mechanism for Northeast Asia, its foreign minister said.',
      'https://example.test/review/lesson-1',
    );
    expect(first.errors).toBeUndefined();
    const made = first.data!.ingestArticle.newProposals.map((p) => p.id);
    const onMade = first.data!.ingestArticle.stances.find((s) => made.includes(s.proposal.id))!;
    expect(onMade).toBeDefined();

    const amend = await t.gql<{ amendStance: { amendments: Array<{ taught: string[] }> } }>(
      `mutation ($id: ID!) { amendStance(id: $id, expectedVersion: 0, input: { proposalId: "inter-korean-dialogue" }) { amendments { taught } } }`,
      { id: onMade.id },
    );
    expect(amend.errors).toBeUndefined();
    const taught = amend.data!.amendStance.amendments[0].taught;
    expect(taught.length).toBeGreaterThan(0);
    expect(taught.every((x) => x.startsWith('proposal inter-korean-dialogue: '))).toBe(true);
    const [dialogue] = await t.cypher<{ aliases: string[] }>(
      `MATCH (p:Proposal {id: 'inter-korean-dialogue'}) RETURN p.aliases AS aliases`,
    );
    for (const x of taught) expect(dialogue.aliases).toContain(x.replace('proposal inter-korean-dialogue: ', ''));

    // The next article in the same words links to the proposal the analyst chose, and makes no new one.
    const second = await ingest(
      'BEIJING - China on Saturday welcomed the Ulaanbaatar peace mechanism for Northeast Asia, a spokesman said.',
      'https://example.test/review/lesson-2',
    );
    expect(second.errors).toBeUndefined();
    expect(second.data!.ingestArticle.newProposals).toEqual([]);
    expect(second.data!.ingestArticle.stances.map((s) => s.proposal.id)).toContain('inter-korean-dialogue');
  });

  it("refits the confidence model with analysts' decisions, each extracted stance keeping its features", async () => {
    const decided = () =>
      t.cypher<{ id: string; x: number[]; status: string }>(
        `MATCH (s:Stance) WHERE s.reviewedAt IS NOT NULL AND s.status IN ['CONFIRMED', 'REJECTED', 'AMENDED']
           AND s.features IS NOT NULL RETURN s.id AS id, s.features AS x, s.status AS status`,
      );
    const open = (await queue()).nodes;
    const stored = await t.cypher<{ n: number }>(
      `MATCH (s:Stance) WHERE s.id IN $ids AND size(s.features) = $d RETURN toFloat(count(s)) AS n`,
      { ids: open.map((s) => s.id), d: FEATURES.length },
    );
    expect(stored[0].n).toBe(open.length);
    const wasDecided = (await decided()).length;
    const before = await t.app.get(IngestRepository).knownEntities();
    const [one, other] = open;
    const rejected = await t.gql(`mutation ($id: ID!) { rejectStance(id: $id) { id } }`, { id: one.id });
    expect(rejected.errors).toBeUndefined();
    const batch = await t.gql<{ decideStances: { id: string; stanceIds: string[] } }>(
      `mutation ($f: ReviewFilter!) { decideStances(filter: $f, decision: REJECT) { id stanceIds } }`,
      { f: { actorId: other.actor.id, proposalId: other.proposal.id } },
    );
    expect(batch.errors).toBeUndefined();
    const targets = [one.id, ...batch.data!.decideStances.stanceIds];
    const rows = await decided();
    expect(rows.length).toBe(wasDecided + targets.length);
    const known = await t.app.get(IngestRepository).knownEntities();
    expect(known.model.decisions).toBe(rows.length);
    // readings like the rejected ones are less sure than the model said before the rejections
    // (that model holds the earlier decisions too, so it, not the kept one, is what they moved)
    for (const { x } of rows.filter((r) => targets.includes(r.id)))
      expect(estimate(known.model, x)).toBeLessThan(estimate(before.model, x));
    // an undo takes its decisions back out of what the model learns from
    const undo = await t.gql(`mutation ($b: ID!) { undoDecisionBatch(batchId: $b) { count } }`, {
      b: batch.data!.decideStances.id,
    });
    expect(undo.errors).toBeUndefined();
    const again = await t.app.get(IngestRepository).knownEntities();
    expect(again.model.decisions).toBe(wasDecided + 1);
    // what the desk can read of it: each weight as kept and as learned
    const shown = await t.gql<{
      confidenceModel: { decisions: number; weights: Array<{ feature: string; kept: number; learned: number }> };
    }>(`{ confidenceModel { decisions weights { feature kept learned } } }`);
    expect(shown.errors).toBeUndefined();
    const view = shown.data!.confidenceModel;
    expect(view.weights.map((w) => w.feature)).toEqual(CONFIDENCE_MODEL.features);
    expect(view.weights.map((w) => w.kept)).toEqual(CONFIDENCE_MODEL.weights);
    expect(view.decisions).toBe(wasDecided + 1);
    expect(view.weights.map((w) => w.learned)).toEqual(again.model.weights);
    expect(view.weights.some((w) => Math.abs(w.learned - w.kept) > 1e-6)).toBe(true);
  });

  it('teaches the words an analyst marks on a stance they add, and refuses marks outside the quote', async () => {
    const quote = 'Mongolia endorsed the Tumen river link-up on Friday.';
    const text = `ULAANBAATAR - ${quote} Officials said more would follow.`;
    const ingested = await t.gql<{ ingestArticle: { article: { id: string } } }>(
      `mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { article { id } } }`,
      { input: { text, url: 'https://example.test/review/marks-1', outlet: 'Marks Wire', publishedOn: '2022-04-01' } },
    );
    expect(ingested.errors).toBeUndefined();
    const at = text.indexOf(quote);
    const words = 'Tumen river link-up';
    const mark = (from: number, length: number) => ({ kind: 'PROPOSAL', charStart: from, charEnd: from + length });
    const input = (marks: unknown[]) => ({
      actorId: 'mongolia',
      proposalId: 'inter-korean-dialogue',
      position: 'SUPPORT',
      cue: 'endorsed',
      statedOn: '2022-04-04',
      evidence: [
        {
          quote,
          charStart: at,
          charEnd: at + quote.length,
          marks,
          article: { id: ingested.data!.ingestArticle.article.id },
        },
      ],
    });
    const record = `mutation ($input: RecordStanceInput!) { recordStance(input: $input) { id evidence { quote marks { kind charStart charEnd } } } }`;

    // a mark outside the quote: a coded error, nothing written
    const before = await graphFingerprint(t);
    const outside = await t.gql(record, { input: input([mark(at + quote.length - 4, 10)]) });
    expect(outside.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await graphFingerprint(t)).toEqual(before);

    const res = await t.gql<{ recordStance: { evidence: Array<{ quote: string; marks: unknown[] }> } }>(record, {
      input: input([mark(text.indexOf(words), words.length)]),
    });
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordStance.evidence).toEqual([{ quote, marks: [mark(text.indexOf(words), words.length)] }]);
    const [dialogue] = await t.cypher<{ aliases: string[] }>(
      `MATCH (p:Proposal {id: 'inter-korean-dialogue'}) RETURN p.aliases AS aliases`,
    );
    expect(dialogue.aliases).toContain(words);

    // the next article in those words links to the proposal the analyst chose
    const next = await t.gql<{ ingestArticle: { stances: Array<{ proposal: { id: string } }> } }>(
      `mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { stances { proposal { id } } } }`,
      {
        input: {
          text: 'BEIJING - China on Saturday backed the Tumen river link-up, a spokesman said.',
          url: 'https://example.test/review/marks-2',
          outlet: 'Marks Wire',
          publishedOn: '2022-04-02',
        },
      },
    );
    expect(next.errors).toBeUndefined();
    expect(next.data!.ingestArticle.stances.map((s) => s.proposal.id)).toContain('inter-korean-dialogue');
  });

  it("makes an analyst's new cue a candidate; accepted, the extractor reads it in the next article", async () => {
    const record = await t.gql(`mutation ($input: RecordStanceInput!) { recordStance(input: $input) { id } }`, {
      input: {
        actorId: 'mongolia',
        proposalId: 'end-of-war-declaration',
        position: 'OPPOSE',
        cue: 'gave a cold shoulder to',
        statedOn: '2022-04-02',
        evidence: [
          {
            quote: 'Mongolia gave a cold shoulder to the declaration',
            article: { url: 'https://example.test/review/cue-1', outlet: 'Cue Wire', publishedOn: '2022-04-03' },
          },
        ],
      },
    });
    expect(record.errors).toBeUndefined();
    // A cue the lexicon reads already is no candidate.
    await t.gql(`mutation ($input: RecordStanceInput!) { recordStance(input: $input) { id } }`, {
      input: {
        actorId: 'mongolia',
        proposalId: 'inter-korean-dialogue',
        position: 'OPPOSE',
        cue: 'rejected',
        statedOn: '2022-04-02',
      },
    });
    const listed = await t.gql<{
      cueCandidates: Array<{ words: string; position: string; status: string; seen: number }>;
    }>(`{ cueCandidates { words position status seen } }`);
    expect(listed.data!.cueCandidates).toEqual([
      { words: 'gave a cold shoulder to', position: 'OPPOSE', status: 'CANDIDATE', seen: 1 },
    ]);

    const article = {
      text: 'MOSCOW - Russia on Monday gave a cold shoulder to the declaration formally ending the Korean War, its foreign ministry said.',
      url: 'https://example.test/review/cue-2',
      outlet: 'Cue Wire',
      publishedOn: '2022-04-05',
    };
    const ask = `mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { stances { actor { id } position cue } } }`;
    const accept = await t.gql(
      `mutation { decideCue(words: "gave a cold shoulder to", position: OPPOSE, accept: true) { status decidedBy } }`,
    );
    expect(accept.data).toEqual({ decideCue: { status: 'ACCEPTED', decidedBy: 'test-editor' } });
    const read = await t.gql<{
      ingestArticle: { stances: Array<{ actor: { id: string }; position: string; cue: string }> };
    }>(ask, { input: article });
    expect(read.errors).toBeUndefined();
    expect(read.data!.ingestArticle.stances).toContainEqual({
      actor: { id: 'russia' },
      position: 'OPPOSE',
      cue: 'gave a cold shoulder to',
    });
    const unknown = await t.gql(
      `mutation { decideCue(words: "never used", position: OPPOSE, accept: true) { status } }`,
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('decides every stance a filter matches in one batch, and undoes it in one step', async () => {
    const left = (await queue({ outlet: 'Test Wire' })).nodes;
    expect(left.length).toBeGreaterThan(0);
    const outlet = 'Test Wire';
    const res = await t.gql<{ decideStances: { id: string; count: number; stanceIds: string[]; status: string } }>(
      `mutation { decideStances(filter: { outlet: "${outlet}" }, decision: REJECT) { id count stanceIds status } }`,
    );
    expect(res.errors).toBeUndefined();
    const batch = res.data!.decideStances;
    expect(batch.count).toBe(left.length);
    expect(new Set(batch.stanceIds)).toEqual(new Set(left.map((s) => s.id)));
    expect((await queue({ outlet: 'Test Wire' })).totalCount).toBe(0);

    // Someone changes one of them after the batch: the undo leaves it alone.
    const changed = batch.stanceIds[0];
    const confirm = await t.gql(`mutation ($id: ID!) { confirmStance(id: $id) { id } }`, { id: changed });
    expect(confirm.errors).toBeUndefined();

    const undo = await t.gql<{
      undoDecisionBatch: { count: number; stanceIds: string[]; kept: number; undoneAt: string };
    }>(`mutation ($b: ID!) { undoDecisionBatch(batchId: $b) { count stanceIds kept undoneAt } }`, { b: batch.id });
    expect(undo.errors).toBeUndefined();
    expect(undo.data!.undoDecisionBatch.kept).toBe(1);
    expect(new Set(undo.data!.undoDecisionBatch.stanceIds)).toEqual(new Set(batch.stanceIds.slice(1)));
    expect(await stance(changed)).toMatchObject({ status: 'CONFIRMED' });
    const back = await queue({ outlet: 'Test Wire' });
    expect(new Set(back.nodes.map((s) => s.id))).toEqual(new Set(batch.stanceIds.slice(1)));

    // Undoing twice changes nothing; a batch on everything is refused.
    const before = await graphFingerprint(t);
    const twice = await t.gql<{ undoDecisionBatch: { stanceIds: string[] } }>(
      `mutation ($b: ID!) { undoDecisionBatch(batchId: $b) { stanceIds } }`,
      { b: batch.id },
    );
    expect(twice.data!.undoDecisionBatch.stanceIds).toEqual([]);
    const all = await t.gql(`mutation { decideStances(filter: {}, decision: CONFIRM) { id } }`);
    expect(all.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await t.gql(`mutation { undoDecisionBatch(batchId: "no-such-batch") { id } }`);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await graphFingerprint(t)).toEqual(before);
  });
});
