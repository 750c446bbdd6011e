import { Injectable, Logger } from '@nestjs/common';
import { ArticleWrite } from '../articles/articles.repository.js';
import { ArticlesService } from '../articles/articles.service.js';
import { badInput, notFound } from '../common/errors/error-code.js';
import { shortHash, stanceId } from '../common/ids.js';
import { Connection, decodeCursor, PageArgs, toConnection } from '../common/pagination/connection.js';
import {
  LIMITS,
  optionalIsoDate,
  optionalText,
  pageSize,
  requireId,
  requireText,
  textList,
} from '../common/validation.js';
import { StanceEvents } from '../live/stance-events.js';
import { Neo4jService, TxRunner } from '../neo4j/neo4j.service.js';
import { ShiftsService } from '../shifts/shifts.service.js';
import { knownAsOfBound } from '../timeline/instants.js';
import { RecordStanceInput } from './dto/record-stance.input.js';
import { StanceFilter } from './dto/stance-filter.input.js';
import { Position, StanceStatus } from './models/stance.model.js';
import {
  EvidenceRow,
  Pair,
  StancePage,
  StanceQuery,
  StanceRow,
  StancesRepository,
  StanceWithRefs,
  StanceWrite,
} from './stances.repository.js';

/** Stances and the articles that back them, written together in one transaction. */
export interface StanceBatch {
  articles: ArticleWrite[];
  stances: StanceWrite[];
}

/**
 * What a committed stance write changed, for the live updates: stances that
 * did not exist before, and the newer stances of SUPERSEDES links that are new
 * or newly classified. writeBatch returns it; whoever commits the transaction
 * hands it to publish() afterwards.
 */
export interface StanceChanges {
  created: string[];
  shifted: string[];
}

const LIVE: StanceStatus[] = [StanceStatus.PROPOSED, StanceStatus.CONFIRMED];

@Injectable()
export class StancesService {
  private readonly logger = new Logger('Stances');

  constructor(
    private readonly neo4j: Neo4jService,
    private readonly repository: StancesRepository,
    private readonly articles: ArticlesService,
    private readonly shifts: ShiftsService,
    private readonly events: StanceEvents,
  ) {}

  // ---- writes -------------------------------------------------------------

  async record(input: RecordStanceInput): Promise<StanceRow> {
    const { stance, articles } = this.prepare(input);
    const changes = await this.neo4j.writeTransaction((tx) => this.writeBatch(tx, { articles, stances: [stance] }));
    await this.publish(changes);
    return this.get(stance.id);
  }

  /** Validates an analyst's stance and its evidence into rows for writeBatch (nothing is written). */
  prepare(input: RecordStanceInput): StanceBatch & { stance: StanceWrite } {
    const stance = this.toWrite(input);
    const articles = (input.evidence ?? []).map((e, i) => this.articles.toWrite(`evidence[${i}].article`, e.article));
    stance.evidence = (input.evidence ?? []).map((e, i) => evidenceWrite(`evidence[${i}]`, e, articles[i].id));
    return { stance, stances: [stance], articles: dedupeArticles(articles) };
  }

  /**
   * The one write path for stances, used by recordStance, the demo loader and
   * ingestion: checks every reference, writes articles and stances, and
   * rewrites the current-stance edges and the SUPERSEDES chain of every
   * (actor, proposal) touched. Returns what changed; the caller passes it to
   * publish() once its transaction has committed.
   */
  async writeBatch(tx: TxRunner, batch: StanceBatch): Promise<StanceChanges> {
    const actorIds = unique(batch.stances.flatMap((s) => [s.actorId, ...(s.speakerId ? [s.speakerId] : [])]));
    const proposalIds = unique(batch.stances.map((s) => s.proposalId));
    const stanceIds = unique(batch.stances.map((s) => s.id));
    const missing = await this.repository.missingRefs(tx, { actorIds, proposalIds, stanceIds });
    if (missing.missingActors.length > 0) throw notFound('actor', missing.missingActors.join('", "'));
    if (missing.missingProposals.length > 0) throw notFound('proposal', missing.missingProposals.join('", "'));
    await this.articles.upsertIn(tx, batch.articles);
    await this.repository.record(tx, batch.stances);
    const pairs = pairsOf(batch.stances);
    await this.repository.refreshCurrent(tx, pairs);
    const shifted = await this.shifts.relinkIn(tx, pairs);
    return { created: missing.missingStances, shifted };
  }

  async setStatus(id: string, status: StanceStatus): Promise<StanceRow> {
    const stance = requireId('id', id);
    const changes = await this.neo4j.writeTransaction(async (tx): Promise<StanceChanges> => {
      const pair = await this.repository.setStatus(tx, stance, status);
      if (!pair) throw notFound('stance', stance);
      await this.repository.refreshCurrent(tx, [pair]);
      return { created: [], shifted: await this.shifts.relinkIn(tx, [pair]) };
    });
    await this.publish(changes);
    return this.get(stance);
  }

  /**
   * Announces committed changes to live subscribers: call it after the
   * transaction that wrote them has committed, never inside it (a retried or
   * rolled-back transaction must announce nothing). Reads the stances and
   * shifts back, so subscribers get what was committed. A failure here is
   * logged, not thrown: the write itself has succeeded.
   */
  async publish(changes: StanceChanges): Promise<void> {
    if (changes.created.length === 0 && changes.shifted.length === 0) return;
    try {
      const [stances, shifts] = await Promise.all([
        changes.created.length > 0 ? this.repository.findByIds(changes.created) : [],
        changes.shifted.length > 0 ? this.shifts.ofStances(changes.shifted) : [],
      ]);
      await this.events.recorded(stances);
      await this.events.shifted(shifts);
    } catch (error) {
      this.logger.warn(`live update not published: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  // ---- reads --------------------------------------------------------------

  async get(id: string): Promise<StanceRow> {
    const stance = requireId('id', id);
    const [row] = await this.repository.findByIds([stance]);
    if (!row) throw notFound('stance', stance);
    return row;
  }

  findByIds(ids: readonly string[]): Promise<StanceRow[]> {
    return this.repository.findByIds(ids);
  }

  /** A page of stances; the total is counted only when asked for (it reads every matching stance). */
  async page(
    filter: StanceFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
    withCount = true,
  ): Promise<Connection<StanceWithRefs & { sortKey: string }>> {
    const size = pageSize('first', first);
    const query = toQuery(filter ?? {});
    const cursor = decodeCursor('after', after);
    const { rows, totalCount } = await this.repository.page(query, cursor, size, withCount);
    return toConnection(rows, { first: size, after: cursor }, totalCount, (row) => row.sortKey);
  }

  /**
   * Each actor's stance on each proposal as of a date (null: now), from what
   * had been recorded by knownAsOf (null: everything): a page of each
   * proposal's, in holder order (page null: all of them).
   */
  currentByProposals(
    proposalIds: readonly string[],
    asOf: string | null,
    position: Position | null,
    knownAsOf: string | null,
    page: PageArgs | null,
  ): Promise<Array<StancePage & { proposalId: string }>> {
    return this.repository.currentByProposals(
      proposalIds,
      upperBound(asOf),
      position,
      knownAsOfBound('knownAsOf', knownAsOf),
      page,
    );
  }

  /** Each proposal's live stances, oldest first: a page of each (page null: all of them). */
  byProposals(
    proposalIds: readonly string[],
    position: Position | null,
    knownAsOf: string | null,
    page: PageArgs | null,
  ): Promise<Array<StancePage & { proposalId: string }>> {
    return this.repository.byProposals(proposalIds, position, LIVE, knownAsOfBound('knownAsOf', knownAsOf), page);
  }

  /** Each actor's live stances, oldest first, optionally on one proposal and in a window: a page of each. */
  byActors(
    actorIds: readonly string[],
    proposalId: string | null,
    from: string | null,
    to: string | null,
    knownAsOf: string | null,
    page: PageArgs | null,
  ): Promise<Array<StancePage & { actorId: string }>> {
    return this.repository.byActors(
      actorIds,
      proposalId === null ? null : requireId('proposalId', proposalId),
      from,
      upperBound(to),
      knownAsOfBound('knownAsOf', knownAsOf),
      page,
    );
  }

  byArticles(articleIds: readonly string[]) {
    return this.repository.byArticles(articleIds);
  }

  evidence(stanceIds: readonly string[]): Promise<EvidenceRow[]> {
    return this.repository.evidence(stanceIds);
  }

  // ---- validation ---------------------------------------------------------

  private toWrite(input: RecordStanceInput): StanceWrite {
    const actorId = requireId('actorId', input.actorId);
    const proposalId = requireId('proposalId', input.proposalId);
    const statedOn = optionalIsoDate('statedOn', input.statedOn);
    const confidence = input.confidence ?? 1;
    if (!(confidence >= 0 && confidence <= 1)) throw badInput('confidence', 'must be between 0 and 1');
    if ((input.evidence?.length ?? 0) > LIMITS.evidence)
      throw badInput('evidence', `must have at most ${LIMITS.evidence} entries`);
    const speakerId = input.speakerId == null ? null : requireId('speakerId', input.speakerId);
    if (speakerId === actorId)
      throw badInput('speakerId', 'must be a person or body speaking for the actor, not the actor itself');
    return {
      id: stanceId(actorId, proposalId, input.position, statedOn),
      actorId,
      proposalId,
      position: input.position,
      cue: optionalText('cue', input.cue, LIMITS.cue),
      conditions: textList('conditions', input.conditions, LIMITS.conditions, LIMITS.condition) ?? [],
      speakerId,
      statedOn,
      confidence,
      status: StanceStatus.CONFIRMED,
      rule: null,
      override: true,
      evidence: [],
    };
  }
}

function evidenceWrite(
  field: string,
  e: { quote: string; charStart?: number | null; charEnd?: number | null },
  articleId: string,
): StanceWrite['evidence'][number] {
  const quote = requireText(`${field}.quote`, e.quote, LIMITS.quote);
  const charStart = e.charStart ?? null;
  const charEnd = e.charEnd ?? null;
  if ((charStart === null) !== (charEnd === null))
    throw badInput(`${field}.charEnd`, 'give both charStart and charEnd, or neither');
  if (charStart !== null && charEnd !== null && (charStart < 0 || charEnd <= charStart)) {
    throw badInput(`${field}.charEnd`, 'must be greater than charStart, and charStart at least 0');
  }
  return { key: evidenceKey(quote, charStart, charEnd), quote, charStart, charEnd, articleId };
}

/** Evidence is keyed by its span in the article, or by its quote when no span is known. */
export function evidenceKey(quote: string, charStart: number | null, charEnd: number | null): string {
  return charStart !== null && charEnd !== null ? `${charStart}:${charEnd}` : `q:${shortHash(quote)}`;
}

function toQuery(filter: StanceFilter): StanceQuery {
  // Dates come as Date scalars, checked where they enter.
  const from = filter.from ?? null;
  const to = filter.to ?? null;
  if (from && to && from > (upperBound(to) as string)) throw badInput('filter.to', 'must not be before filter.from');
  return {
    asOf: upperBound(filter.asOf ?? null),
    knownAsOf: knownAsOfBound('filter.knownAsOf', filter.knownAsOf),
    actorId: filter.actorId == null ? null : requireId('filter.actorId', filter.actorId),
    proposalId: filter.proposalId == null ? null : requireId('filter.proposalId', filter.proposalId),
    position: filter.position ?? null,
    from,
    to: upperBound(to),
    outlet: optionalText('filter.outlet', filter.outlet, LIMITS.name),
    statuses: filter.status && filter.status.length > 0 ? filter.status : LIVE,
  };
}

/**
 * Dates are ISO strings compared as text. An upper bound at month precision
 * ("2021-10") must include every day of that month ("2021-10-19"), so it
 * becomes "2021-10-31" (a string bound, not a calendar day).
 */
export function upperBound(date: string | null): string | null {
  return date !== null && date.length === 7 ? `${date}-31` : date;
}

function pairsOf(stances: StanceWrite[]): Pair[] {
  const seen = new Map<string, Pair>();
  for (const s of stances)
    seen.set(`${s.actorId}\u0000${s.proposalId}`, { actorId: s.actorId, proposalId: s.proposalId });
  return [...seen.values()];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function dedupeArticles(articles: ArticleWrite[]): ArticleWrite[] {
  const byId = new Map<string, ArticleWrite>();
  for (const a of articles) byId.set(a.id, { ...byId.get(a.id), ...a });
  return [...byId.values()];
}
