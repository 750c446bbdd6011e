import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CoreNlpClient, ParserError } from '../../src/parsing/corenlp.js';
import { articleBody, extractArticle } from '../../src/extraction/index.js';
import { startTestApp, uniq, type TestApp } from '../support/app.js';

// The CoreNLP client, and ingestion with and without it, against the real
// server global-setup.ts started.
const SEED = resolve(import.meta.dirname, '../../../shared/seeds/000_d77b003d2e3f13e1.txt');
const PARSER = process.env.STANCE_TEST_CORENLP_URL!;

describe('CoreNLP parser server', () => {
  const client = new CoreNlpClient({ url: PARSER });

  it('is ready', async () => {
    expect(await client.ready()).toBe(true);
  });

  it('parses an article into sentences and tokens whose offsets point into the text', async () => {
    const text = readFileSync(SEED, 'utf8');
    const doc = await client.parse(text, '2021-11-06');
    expect(doc.sentences.length).toBeGreaterThan(8);
    for (const s of doc.sentences) {
      for (const t of s.tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
    const first = doc.sentences[0];
    const japan = first.tokens.findIndex((t) => t.text === 'Japan');
    const shown = first.tokens.findIndex((t) => t.text === 'shown');
    // "Japan has shown reluctance": Japan is the subject of shown.
    expect(first.edges).toContainEqual({ rel: 'nsubj', head: shown, dep: japan });
    expect(first.tokens[shown].lemma).toBe('show');
    expect(first.tokens[shown].pos).toBe('VBN');
  });

  it('resolves relative dates against the article date (SUTime)', async () => {
    const doc = await client.parse('The ministry said on Saturday that it had replied on Oct. 19.', '2021-11-08');
    const dates = doc.sentences.flatMap((s) => s.tokens).filter((t) => t.ner === 'DATE');
    expect(dates.map((t) => t.normalized)).toEqual(expect.arrayContaining(['2021-11-06', '2021-10-19']));
  });

  it('names an unreachable server PARSER_UNAVAILABLE', async () => {
    const down = new CoreNlpClient({ url: 'http://127.0.0.1:9', timeoutMs: 2000 });
    expect(await down.ready()).toBe(false);
    await expect(down.parse('Hello.')).rejects.toMatchObject({ code: 'PARSER_UNAVAILABLE' });
    await expect(down.parse('Hello.')).rejects.toBeInstanceOf(ParserError);
  });
});

const INGEST = `mutation ($input: IngestArticleInput!) {
  ingestArticle(input: $input) { extractor stances { position actor { name } proposal { name } conditions } }
}`;
type Ingested = {
  ingestArticle: {
    extractor: string;
    stances: Array<{ position: string; actor: { name: string }; proposal: { name: string }; conditions: string[] }>;
  };
};

const reading = (country: string): string =>
  `Japan would reject the ${country} ceasefire plan unless the fighting stops, ` +
  `Foreign Minister Taro Kono told reporters on Tuesday.`;

describe('reading with a parser server', () => {
  const client = new CoreNlpClient({ url: PARSER });

  it('reads an act on a party named after its noun as a proposal, with no cue beside it', async () => {
    const input = {
      text:
        'Algeria said a military intervention in Niger would ignite the whole region. ' +
        'The Pentagon said it had not discussed the withdrawal of US forces from Iraq.',
      publishedOn: '2023-08-06',
    };
    const read = extractArticle({ ...input, parse: await client.parse(articleBody(input).body, input.publishedOn) });
    const names = read.proposals.map((p) => p.name);
    expect(names).toEqual(expect.arrayContaining(['Military intervention in Niger', 'Withdrawal of US forces']));
    // without the parse, the same words name nothing: no cue governs them
    expect(extractArticle(input).proposals.map((p) => p.name)).not.toContain('Military intervention in Niger');
  });
});

describe('ingesting with a parser server', () => {
  let t: TestApp;
  afterEach(async () => {
    await t?.close();
    delete process.env.CORENLP_URL;
  });

  it('reads holder, proposal, position and condition off the parse, and says the parser read it', async () => {
    t = await startTestApp({ CORENLP_URL: PARSER });
    const country = uniq('Freedonia').replace(/[^a-z]/gi, '');
    const res = await t.gql<Ingested>(INGEST, { input: { text: reading(country), publishedOn: '2021-11-08' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.ingestArticle.extractor).toMatch(/^corenlp /);
    const japan = res.data!.ingestArticle.stances.find((s) => s.actor.name === 'Japan');
    expect(japan).toMatchObject({ position: 'OPPOSE', conditions: ['the fighting stops'] });
    expect(japan!.proposal.name.toLowerCase()).toContain('ceasefire plan');
  });

  it('reads with the patterns alone when the parser is unreachable', async () => {
    t = await startTestApp({ CORENLP_URL: 'http://127.0.0.1:9' });
    const country = uniq('Freedonia').replace(/[^a-z]/gi, '');
    const res = await t.gql<Ingested>(INGEST, { input: { text: reading(country), publishedOn: '2021-11-08' } });
    expect(res.errors).toBeUndefined();
    expect(res.data!.ingestArticle.extractor).toBe('patterns');
  });

  it("reads a state's wish to join an organisation as that state's accession, never as the organisation", async () => {
    t = await startTestApp({ CORENLP_URL: PARSER });
    const res = await t.gql<Ingested>(INGEST, {
      input: { text: 'Georgia hopes to join the European Union. Hungary opposes it.', publishedOn: '2024-06-14' },
    });
    expect(res.errors).toBeUndefined();
    const read = res.data!.ingestArticle.stances.map((s) => [s.actor.name, s.position, s.proposal.name]);
    expect(read).toEqual(
      expect.arrayContaining([
        ['Georgia', 'SUPPORT', "Georgia's European Union accession"],
        ['Hungary', 'OPPOSE', "Georgia's European Union accession"],
      ]),
    );
    expect(read.some(([, , name]) => name === 'European Union')).toBe(false);
  });

  it('links an article that names a known proposal in new words to it', async () => {
    t = await startTestApp({ CORENLP_URL: PARSER });
    const word = uniq('Zorvath').replace(/[^a-z]/gi, '');
    const ingest = async (text: string) => {
      const res = await t.gql<{
        ingestArticle: {
          stances: Array<{ position: string; actor: { name: string }; proposal: { id: string; name: string } }>;
        };
      }>(
        `mutation ($input: IngestArticleInput!) { ingestArticle(input: $input) { stances { position actor { name } proposal { id name } } } }`,
        { input: { text, publishedOn: '2024-02-16' } },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.ingestArticle.stances;
    };
    // the same kind of proposal with two words of its own in common
    const [first] = await ingest(`Japan proposed a landmark ${word} fisheries agreement on Monday.`);
    const second = await ingest(`South Korea rejected the ${word} Fisheries Accord on Tuesday, officials said.`);
    expect(first).toMatchObject({ position: 'SUPPORT', actor: { name: 'Japan' } });
    expect(second.find((s) => s.actor.name === 'South Korea')).toMatchObject({
      position: 'OPPOSE',
      proposal: { id: first.proposal.id },
    });
    // the same kind between the same parties: a summit of their leaders, then a "Japan-North Korea summit"
    const [summit] = await ingest(
      `Japan proposed a summit between Prime Minister Fumio Kishida and North Korean leader Kim Jong Un on Monday.`,
    );
    const later = await ingest(`North Korea on Tuesday rejected any Japan-North Korea summit, state media said.`);
    expect(later.find((s) => s.actor.name === 'North Korea')).toMatchObject({
      position: 'OPPOSE',
      proposal: { id: summit.proposal.id },
    });
    // what an analyst linking "a Kishida-Kim summit" by hand is offered: that summit first, with its score and rule
    const offered = await t.gql<{
      proposalCandidates: Array<{ proposal: { id: string }; score: number; rule: string }>;
    }>(`query ($w: String!) { proposalCandidates(wording: $w, first: 3) { proposal { id } score rule } }`, {
      w: 'a summit of Japan and North Korea',
    });
    expect(offered.errors).toBeUndefined();
    expect(offered.data!.proposalCandidates.length).toBeLessThanOrEqual(3);
    expect(offered.data!.proposalCandidates[0]).toMatchObject({ proposal: { id: summit.proposal.id } });
    expect(offered.data!.proposalCandidates[0].score).toBeGreaterThan(0.5);
    const empty = await t.gql(`query { proposalCandidates(wording: "  ") { score } }`);
    expect(empty.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
