import { Inject, Injectable } from '@nestjs/common';
import { ArticlesService } from '../articles/articles.service.js';
import { APP_CONFIG, type AppConfig } from '../common/config/config.js';
import { badInput } from '../common/errors/error-code.js';
import { evidenceKey, shortHash, stanceId } from '../common/ids.js';
import { LIMITS, nameKeysOf, optionalHttpUrl, optionalIsoDate, optionalText } from '../common/validation.js';
import { StancesService } from '../stances/stances.service.js';
import { GraphWrite, StanceWriter } from '../recording/stance-writer.js';
import {
  jaccardEstimate,
  NEAR_DUPLICATE_THRESHOLD,
  parseTextFile,
  proposalCandidates,
  type ConfidenceModel,
  type ExtractionResult,
  type ParsedTextFile,
  type KnownEntities,
  type Span,
} from '../extraction/index.js';
import type { ActorWrite } from '../graph/actor.row.js';
import type { ProposalWrite } from '../graph/proposal.row.js';
import { storedMarksWithin } from '../graph/marks.js';
import { slices } from '../common/slices.js';
import { IngestArticleInput } from './dto/ingest-article.input.js';
import { Claim, IngestRepository, ReportStance } from './ingest.repository.js';
import { ExtractionPool } from './extraction-pool.js';
import { ParserService } from './parser.service.js';
import { bandKeys } from './lsh.js';
import { ArticleRow } from '../graph/article.row.js';
import { ActorKind, Position, StanceStatus } from '../graph/vocabulary.js';
import { StanceRow, StanceWrite } from '../graph/stance.row.js';

export interface IngestOutcome {
  article: ArticleRow;
  sameReportAs: ArticleRow | null;
  similarity: number | null;
  duplicate: boolean;
  stances: StanceRow[];
  newActorIds: string[];
  newProposalIds: string[];
  unmatched: number;
  /** What read the article: the parser's name ('corenlp 4.5') when its parse was used, else 'patterns'. */
  extractor: string;
  /** Wall-clock milliseconds of each stage: parse (0 without a parser), extraction, the write transaction. */
  timings: StageTimings;
  /** What the extractor read, with its proposal mentions (for the quality measure; not served). */
  extraction: ExtractionResult;
}

export interface StageTimings {
  parseMs: number;
  extractMs: number;
  writeMs: number;
}

/**
 * How long the gazetteer (known actors and proposals) is reused between
 * ingests. This process drops it whenever an ingest adds a name; writes by
 * other processes (another replica, upsertActor) are seen within this time.
 */
const KNOWN_ENTITIES_TTL_MS = 5_000;

/**
 * Rows (stances, actors, proposals) one write statement carries. An
 * ordinary article's fit in one; a hostile one's thousands go in slices, so packing them never holds the
 * process for long (the pathological reliability test's liveness bound).
 */
const ROWS_PER_STATEMENT = 250;

interface WriteOutcome {
  articleId: string;
  duplicate: boolean;
  sameReportId: string | null;
  similarity: number | null;
  newActorIds: string[];
  newProposalIds: string[];
  unmatched: number;
}

/**
 * Article text in, stances out: extraction (pure, offline) against the
 * graph's own names, then one write transaction per article. The same text
 * twice changes nothing; a reprint or revision of a known report adds
 * evidence to that report's stances and a same-report link, never new
 * stances.
 */
@Injectable()
export class IngestService {
  private known: { value: KnownEntities; loadedAt: number } | null = null;
  /** The gazetteer load in flight, and the generation it belongs to (an ingest that teaches names starts a new one). */
  private loading: { generation: number; promise: Promise<KnownEntities> } | null = null;
  private generation = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly writer: StanceWriter,
    private readonly repository: IngestRepository,
    private readonly stances: StancesService,
    private readonly articles: ArticlesService,
    private readonly extraction: ExtractionPool,
    private readonly parser: ParserService,
  ) {
    // An analyst's correction that taught names (review/amend) changes what the next article links to.
    writer.onNamesTaught(() => this.forgetKnown());
  }

  async ingest(input: IngestArticleInput): Promise<IngestOutcome> {
    const { result: extraction, parseMs, extractMs } = await this.read(input);
    // One transaction; StanceWriter announces what it changed once it has committed.
    const written = performance.now();
    const outcome = await this.writer.transaction((write) => this.write(write, extraction));
    const timings = { parseMs, extractMs, writeMs: performance.now() - written };
    if (!outcome.duplicate && this.known && teachesNames(this.known.value, extraction)) this.forgetKnown();
    const [article, sameReportAs, stances] = await Promise.all([
      this.articles.get(outcome.articleId),
      outcome.sameReportId ? this.articles.get(outcome.sameReportId) : Promise.resolve(null),
      this.stances.byArticles([outcome.articleId]),
    ]);
    return {
      ...outcome,
      article,
      sameReportAs,
      stances,
      extractor: extraction.parser ?? 'patterns',
      timings,
      extraction,
    };
  }

  /** Validation and extraction, no writes: what ingest would read in the text. */
  async extract(input: IngestArticleInput): Promise<ExtractionResult> {
    return (await this.read(input)).result;
  }

  /** extract(), with the time its parse and its extraction took. */
  private async read(
    input: IngestArticleInput,
  ): Promise<{ result: ExtractionResult; parseMs: number; extractMs: number }> {
    if (typeof input.text !== 'string' || input.text.trim() === '') throw badInput('text', 'must not be empty');
    if (input.text.length > this.config.maxArticleChars) {
      throw badInput('text', `must be at most ${this.config.maxArticleChars} characters (got ${input.text.length})`);
    }
    // a full extraction queue refuses before the gazetteer is read for nothing
    this.extraction.admit();
    let parseMs = 0;
    const file = input.header
      ? parseTextFile(input.text)
      : { text: input.text, metadata: {} as ParsedTextFile['metadata'] };
    const article = {
      text: file.text,
      url: optionalHttpUrl('url', input.url ?? file.metadata.url),
      outlet: optionalText('outlet', input.outlet ?? file.metadata.outlet, LIMITS.name),
      title: optionalText('title', input.title ?? file.metadata.title, LIMITS.summary),
      publishedOn: optionalIsoDate('publishedOn', input.publishedOn ?? file.metadata.publishedOn),
    };
    // The parser server (when there is one) reads the text while the gazetteer loads.
    const parsing = performance.now();
    const [known, parse] = await Promise.all([
      this.knownEntities(),
      this.parser.parse(article).finally(() => (parseMs = performance.now() - parsing)),
    ]);
    // In a worker thread, within a time budget: a costly text never holds up other requests.
    const extracting = performance.now();
    const result = await this.extraction.extract({ ...article, parse }, known);
    const extractMs = performance.now() - extracting;
    if (result.text.trim() === '') throw badInput('text', 'has no words once normalised');
    // The text's own header may name the address too (url: …): the same rule.
    optionalHttpUrl('url', result.metadata.url);
    return { result, parseMs: parse ? parseMs : 0, extractMs };
  }

  /**
   * The proposals the graph holds that `wording` may name, best first, with
   * score and rule; `inArticle` (proposal ids named in the same article) rank
   * first among their kind, so "the deal" offers the article's own.
   */
  async proposalCandidates(
    wording: string,
    inArticle: readonly string[],
    first: number,
  ): Promise<Array<{ id: string; name: string; aliases: string[]; score: number; rule: string }>> {
    const known = await this.knownEntities();
    const byId = new Map(known.proposals.map((p) => [p.id, p]));
    return proposalCandidates(wording, known.proposals, known.actors, { limit: first, inArticle: [...inArticle] }).map(
      (c) => ({ ...c, aliases: byId.get(c.id)?.aliases ?? [] }),
    );
  }

  /** The confidence model as analysts' decisions stand now (extraction takes it up within KNOWN_ENTITIES_TTL_MS). */
  confidenceModel(): Promise<ConfidenceModel> {
    return this.repository.confidenceModel();
  }

  /** Every proposal the graph holds, with its aliases (as the extractor sees them). */
  async knownProposals(): Promise<KnownEntities['proposals']> {
    return (await this.knownEntities()).proposals;
  }

  /** The gazetteer, reused while fresh: the extractor indexes it once per content. */
  private async knownEntities(): Promise<KnownEntities> {
    if (this.known && Date.now() - this.known.loadedAt < KNOWN_ENTITIES_TTL_MS) return this.known.value;
    // One load at a time, shared by every ingest that asks meanwhile: decoding the whole
    // gazetteer runs on the event loop, and a burst of articles would each decode it.
    if (!this.loading || this.loading.generation !== this.generation) {
      const generation = this.generation;
      const promise: Promise<KnownEntities> = this.repository
        .knownEntities()
        .then((value) => {
          // a load that began before an ingest taught new names is not kept
          if (generation === this.generation) this.known = { value, loadedAt: Date.now() };
          return value;
        })
        .finally(() => {
          if (this.loading?.promise === promise) this.loading = null;
        });
      this.loading = { generation, promise };
    }
    return this.loading.promise;
  }

  private forgetKnown(): void {
    this.known = null;
    this.generation += 1;
  }

  private async write(write: GraphWrite, x: ExtractionResult): Promise<WriteOutcome> {
    const tx = write.tx;
    const meta = x.metadata;
    // One article per text and place: the same text from the same url (or
    // outlet) is the same article; from another outlet it is a reprint.
    const articleId = `art-${shortHash(x.textHash, meta.url ?? meta.outlet ?? '')}`;
    // The same or a similar text ingested meanwhile shares these bands: wait
    // for it to commit before looking for it.
    const bands = bandKeys(x.signature);
    const claim = await this.repository.claim(tx, { articleId, textHash: x.textHash, bands });
    if (claim.exists) {
      return {
        articleId,
        duplicate: true,
        sameReportId: null,
        similarity: null,
        newActorIds: [],
        newProposalIds: [],
        unmatched: 0,
      };
    }

    const report = claim.sameText
      ? { id: claim.sameText, similarity: 1 }
      : nearestReport(x.signature, claim.candidates);

    await write.upsertArticles([
      {
        id: articleId,
        url: meta.url,
        title: meta.title,
        outlet: meta.outlet,
        publishedOn: meta.publishedOn,
        textHash: x.textHash,
        signature: x.signature,
        bands,
        length: x.text.length,
        revisions: x.revisions.length,
        text: x.text,
      },
    ]);
    for (const slice of slices(x.actors, ROWS_PER_STATEMENT))
      await write.upsertActors(slice.map((a) => actorUpsert(a, articleId)));
    for (const slice of slices(x.proposals, ROWS_PER_STATEMENT))
      await write.upsertProposals(slice.map((p) => proposalUpsert(p, articleId)));

    let rows = x.stances.map((s) => stanceWrite(s, articleId));
    let unmatched = 0;
    if (report) {
      await write.linkSameReport(articleId, report.id);
      ({ rows, unmatched } = onto(await this.repository.reportStances(tx, report.id), rows));
    }
    await write.writeStances(rows, ROWS_PER_STATEMENT);
    return {
      articleId,
      duplicate: false,
      sameReportId: report?.id ?? null,
      similarity: report?.similarity ?? null,
      newActorIds: x.actors.filter((a) => a.isNew).map((a) => a.id),
      newProposalIds: x.proposals.filter((p) => p.isNew).map((p) => p.id),
      unmatched,
    };
  }
}

/** The stored article most like this text (by MinHash), when it is at least NEAR_DUPLICATE_THRESHOLD alike. */
function nearestReport(
  signature: number[],
  candidates: Claim['candidates'],
): { id: string; similarity: number } | null {
  let best: { id: string; similarity: number } | null = null;
  for (const c of candidates) {
    const similarity = jaccardEstimate(signature, c.signature ?? []);
    if (similarity >= NEAR_DUPLICATE_THRESHOLD && (!best || similarity > best.similarity))
      best = { id: c.id, similarity };
  }
  return best;
}

/** Whether an extraction met an actor, proposal or spelling the gazetteer lacks. */
function teachesNames(known: KnownEntities, x: ExtractionResult): boolean {
  const names = new Map<string, Set<string>>();
  for (const e of [...known.actors, ...known.proposals]) names.set(e.id, new Set([e.name, ...e.aliases]));
  return [...x.actors, ...x.proposals].some((e) => {
    const have = names.get(e.id);
    return !have || e.aliases.some((a) => !have.has(a));
  });
}

/**
 * A reprint never makes new stances: each extracted stance lands on the
 * report's stance with the same actor, proposal and position (keeping that
 * stance's id and date), as more evidence. What matches nothing is counted.
 */
function onto(report: ReportStance[], rows: StanceWrite[]): { rows: StanceWrite[]; unmatched: number } {
  const byKey = new Map(report.map((s) => [`${s.actorId}|${s.proposalId}|${s.position}`, s]));
  const out: StanceWrite[] = [];
  let unmatched = 0;
  for (const row of rows) {
    const known = byKey.get(`${row.actorId}|${row.proposalId}|${row.position}`);
    if (known) out.push({ ...row, id: known.id, statedOn: known.statedOn });
    else unmatched += 1;
  }
  return { rows: out, unmatched };
}

function spanFields(span: Span | null) {
  return { quote: span?.quote ?? null, charStart: span?.charStart ?? null, charEnd: span?.charEnd ?? null };
}

function actorUpsert(a: ExtractionResult['actors'][number], articleId: string): ActorWrite {
  return {
    id: a.id,
    name: a.name,
    kind: a.kind as ActorKind,
    aliases: a.aliases.filter((x) => x !== a.name),
    nameKeys: nameKeysOf(a.name, a.aliases),
    representsId: a.representsId,
    role: a.role,
    authoritative: false,
    source: 'extracted',
    confidence: a.confidence,
    isNew: a.isNew,
    articleId,
    ...spanFields(a.evidence),
  };
}

function proposalUpsert(p: ExtractionResult['proposals'][number], articleId: string): ProposalWrite {
  return {
    id: p.id,
    name: p.name,
    summary: null,
    aliases: p.aliases.filter((x) => x !== p.name),
    nameKeys: nameKeysOf(p.name, p.aliases),
    proposedById: p.proposedById,
    proposerId: p.proposerId,
    proposedOn: p.proposedOn,
    authoritative: false,
    source: 'extracted',
    confidence: p.confidence,
    isNew: p.isNew,
    articleId,
    ...spanFields(p.evidence),
  };
}

function stanceWrite(s: ExtractionResult['stances'][number], articleId: string): StanceWrite {
  const marks = storedMarksWithin(s.marks, s.evidence);
  return {
    id: stanceId(s.actorId, s.proposalId, s.position, s.statedOn),
    actorId: s.actorId,
    proposalId: s.proposalId,
    position: s.position as Position,
    cue: s.cue,
    conditions: s.conditions,
    speakerId: s.speakerId,
    statedOn: s.statedOn,
    confidence: s.confidence,
    status: StanceStatus.PROPOSED,
    rule: s.rule,
    features: s.features ?? null,
    override: false,
    evidence: s.evidence.map((e, i) => ({
      key: evidenceKey(e.quote, e.charStart, e.charEnd),
      quote: e.quote,
      charStart: e.charStart,
      charEnd: e.charEnd,
      articleId,
      marks: marks[i],
    })),
  };
}
