import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ActorsRepository } from '../actors/actors.repository.js';
import { nameKey } from '../common/validation.js';
import { slices } from '../common/slices.js';
import { ArticlesRepository } from '../articles/articles.repository.js';
import { notFound } from '../common/errors/error-code.js';
import { runAs } from '../common/operation-context.js';
import type { ActorWrite } from '../graph/actor.row.js';
import type { ArticleWrite } from '../graph/article.row.js';
import type { ProposalWrite } from '../graph/proposal.row.js';
import type { Pair, StanceWrite } from '../graph/stance.row.js';
import type { Position, StanceStatus } from '../graph/vocabulary.js';
import { StanceEvents } from '../live/stance-events.js';
import { Neo4jService, TxRunner } from '../neo4j/neo4j.service.js';
import { ProposalsRepository } from '../proposals/proposals.repository.js';
import { planChain, type ChainStance } from '../shifts/chain.js';
import { ShiftsRepository } from '../shifts/shifts.repository.js';
import { ShiftsService } from '../shifts/shifts.service.js';
import type { Lesson } from './wordings.js';
import {
  StancesRepository,
  type AmendSource,
  type AmendmentWrite,
  type BatchWrite,
  type CueCandidateRow,
  type Decision,
  type DecisionCheck,
  type MissingRefs,
  type UndoneBatch,
} from '../stances/stances.repository.js';

/**
 * What a committed write changed, for the live updates: stances that did not
 * exist before, and the newer stances of SUPERSEDES links that are new or
 * newly classified.
 */
export interface StanceChanges {
  created: string[];
  shifted: string[];
  /** Stances an analyst decided on or amended (the live desk shows them to the other analysts). */
  reviewed: string[];
  /** Whether the extractor has something to learn (aliases taught, decisions made): its gazetteer is read again. */
  names?: boolean;
}

/** A stance moved to a new id by a merge: under the kept holder or proposal. */
export interface Rekey {
  oldId: string;
  newId: string;
  holderId: string;
  proposalId: string;
}

/**
 * One write transaction of the graph, handed to the work a caller passes to
 * StanceWriter.transaction. Every write of an actor, proposal, article or
 * stance goes through these methods, one Cypher file each; every stance
 * change rewrites the current-stance edges and the SUPERSEDES chains of the
 * (actor, proposal) pairs it touched, and is noted for the live updates.
 * `tx` is there for the caller's own reads inside the same transaction
 * (ingestion's reprint lookups), through its own repository.
 */
export class GraphWrite {
  readonly changes: StanceChanges = { created: [], shifted: [], reviewed: [] };

  constructor(
    readonly tx: TxRunner,
    private readonly r: {
      actors: ActorsRepository;
      proposals: ProposalsRepository;
      articles: ArticlesRepository;
      stances: StancesRepository;
      shifts: ShiftsRepository;
    },
  ) {}

  upsertActors(rows: ActorWrite[]) {
    return this.r.actors.upsert(this.tx, rows);
  }

  upsertProposals(rows: ProposalWrite[]) {
    return this.r.proposals.upsert(this.tx, rows);
  }

  upsertArticles(rows: ArticleWrite[]): Promise<void> {
    return this.r.articles.upsert(this.tx, rows);
  }

  linkSameReport(articleId: string, reportId: string): Promise<void> {
    return this.r.articles.linkSameReport(this.tx, articleId, reportId);
  }

  /** Fails with NOT_FOUND, writing nothing, when an actor or proposal named is not in the graph. */
  async requireRefs(refs: { actorIds: string[]; proposalIds: string[]; stanceIds?: string[] }): Promise<string[]> {
    return refused(await this.r.stances.missingRefs(this.tx, refs));
  }

  /**
   * Stances (with their evidence; the articles written before), checked
   * against the graph in the same statement: NOT_FOUND, nothing written,
   * when an actor or proposal they name is not there. `perStatement` bounds
   * the rows one statement carries: the driver packs a statement's
   * parameters on the main thread in one go, so an article with thousands of
   * stances is written in slices that let the process answer meanwhile
   * (same transaction, same result).
   */
  async writeStances(stances: StanceWrite[], perStatement = Infinity): Promise<void> {
    if (stances.length === 0) return;
    for (const slice of slices(stances, perStatement)) await this.record(slice);
    for (const slice of slices(pairsOf(stances), perStatement)) await this.relink(slice);
  }

  private async record(stances: StanceWrite[]): Promise<void> {
    const refs = {
      actorIds: unique(stances.flatMap((s) => [s.actorId, ...(s.speakerId ? [s.speakerId] : [])])),
      proposalIds: unique(stances.map((s) => s.proposalId)),
      stanceIds: unique(stances.map((s) => s.id)),
    };
    this.changes.created.push(...refused(await this.r.stances.record(this.tx, stances, refs)));
  }

  /**
   * An analyst's decision on a stance (stances/set-status): applied only when
   * the stance is still at the version the analyst saw (when given) and in a
   * status it may move from. Null when there is no such stance.
   */
  async setStatus(id: string, status: StanceStatus, check: DecisionCheck): Promise<Decision | null> {
    const decision = await this.r.stances.setStatus(this.tx, id, status, check);
    if (decision?.outcome === 'applied') {
      await this.relink([{ actorId: decision.actorId, proposalId: decision.proposalId }]);
      this.changes.reviewed.push(id);
      this.changes.names = true;
    }
    return decision;
  }

  /** Locks a stance an analyst is amending, for the rest of the transaction, and reads it; null when there is none. */
  lockForAmend(id: string): Promise<AmendSource | null> {
    return this.r.stances.lockForAmend(this.tx, id);
  }

  /**
   * An amendment: the amended reading written (a new stance when its id
   * differs, the same one otherwise), the amendment recorded on both, and the
   * pairs of both relinked.
   */
  async amend(
    from: AmendSource,
    to: StanceWrite,
    amendment: Omit<AmendmentWrite, 'fromId' | 'toId' | 'speakerId'>,
  ): Promise<void> {
    await this.record([to]);
    await this.r.stances.amend(this.tx, { ...amendment, fromId: from.id, toId: to.id, speakerId: to.speakerId });
    await this.relink(uniquePairs([from, to]));
    this.changes.reviewed.push(from.id, to.id);
  }

  /**
   * Teaches what a correction taught: each lesson's wordings become aliases
   * of its proposal or actor (one per normalised name). Returns the new
   * ones as "<kind> <id>: <alias>", for the amendment's record.
   */
  async teach(lessons: readonly Lesson[]): Promise<string[]> {
    const taught: string[] = [];
    for (const lesson of lessons) {
      const byKey = new Map(lesson.aliases.map((alias) => [nameKey(alias), alias] as const));
      const aliases = [...byKey].filter(([key]) => key !== '').map(([key, alias]) => ({ alias, key }));
      if (aliases.length === 0) continue;
      const repository = lesson.kind === 'proposal' ? this.r.proposals : this.r.actors;
      const added = await repository.addAliases(this.tx, lesson.id, aliases, lesson.except);
      if (added.length > 0) this.changes.names = true;
      taught.push(...added.map((a) => `${lesson.kind} ${lesson.id}: ${a}`));
    }
    return taught;
  }

  /** Notes a cue an analyst used that the lexicon lacks, as a candidate (once per stance). */
  noteCue(cue: { key: string; words: string; position: Position; stanceId: string }): Promise<void> {
    return this.r.stances.noteCue(this.tx, cue);
  }

  /** Accepts or declines a candidate cue; the extractor reads accepted ones from the next article on. */
  async decideCue(key: string, status: string, by: string): Promise<CueCandidateRow | null> {
    const row = await this.r.stances.decideCue(this.tx, key, status, by);
    if (row) this.changes.names = true;
    return row;
  }

  /** A bulk decision (review/decide-batch): the stances it moved, their pairs relinked. */
  async decideBatch(batch: BatchWrite): Promise<string[]> {
    const moved = await this.r.stances.decideBatch(this.tx, batch);
    await this.relink(uniquePairs(moved));
    this.changes.reviewed.push(...moved.map((m) => m.stanceId));
    this.changes.names ||= moved.length > 0;
    return moved.map((m) => m.stanceId);
  }

  /** Undoes a bulk decision (review/undo-batch); null when there is no such batch. */
  async undoBatch(batchId: string, by: string): Promise<UndoneBatch | null> {
    const undone = await this.r.stances.undoBatch(this.tx, batchId, by);
    if (undone) {
      await this.relink(uniquePairs(undone.undone));
      this.changes.reviewed.push(...undone.undone.map((u) => u.stanceId));
      this.changes.names ||= undone.undone.length > 0;
    }
    return undone;
  }

  /** Stances re-keyed by a merge (the merge's own statement runs after), then their pairs relinked by the caller. */
  rekey(rows: Rekey[]): Promise<void> {
    return this.r.stances.rekey(this.tx, rows);
  }

  /**
   * Rewrites the current-stance edges and the SUPERSEDES chains of the
   * pairs: reads each pair's stances once (locking their actors), plans the
   * chain (shifts/chain.ts), writes only the links that differ and points
   * each pair's current-stance edge at its chain's last live stance, so it
   * is idempotent under the driver's retries.
   */
  async relink(pairs: Pair[]): Promise<void> {
    if (pairs.length === 0) return;
    const chains = await this.r.shifts.chains(this.tx, pairs);
    const current = new Map(chains.map((c) => [pairKey(c), currentOf(c.stances)]));
    const plans = chains.map((c) => planChain(c.stances));
    await this.r.shifts.rewrite(
      this.tx,
      pairs.map((p) => ({ actorId: p.actorId, proposalId: p.proposalId, stanceId: current.get(pairKey(p)) ?? null })),
      plans.flatMap((p) => p.writes),
    );
    this.changes.shifted.push(...plans.flatMap((p) => p.shifted));
  }
}

/**
 * The one write path of the graph. `transaction(work)` runs the work in one
 * managed write transaction (retried by the driver as a whole, each attempt
 * with a fresh GraphWrite), and once it has committed announces what changed
 * to live subscribers: new stances and new or reclassified shifts, whether
 * they came from recordStance, a review decision, ingestion, a merge or the
 * demo loader. A rolled-back transaction announces nothing.
 */
@Injectable()
export class StanceWriter implements OnApplicationBootstrap {
  private readonly logger = new Logger('StanceWriter');

  constructor(
    private readonly neo4j: Neo4jService,
    private readonly actors: ActorsRepository,
    private readonly proposals: ProposalsRepository,
    private readonly articles: ArticlesRepository,
    private readonly stances: StancesRepository,
    private readonly shiftRows: ShiftsRepository,
    private readonly shifts: ShiftsService,
    private readonly events: StanceEvents,
  ) {}

  private readonly nameListeners: Array<() => void> = [];

  async transaction<T>(work: (write: GraphWrite) => Promise<T>): Promise<T> {
    let last: GraphWrite | null = null;
    const result = await this.neo4j.writeTransaction((tx) => {
      last = this.on(tx);
      return work(last);
    });
    if (last) {
      const changes = (last as GraphWrite).changes;
      if (changes.names) for (const listener of this.nameListeners) listener();
      await this.publish(changes);
    }
    return result;
  }

  /** Calls `listener` after each committed write that taught names (aliases): the gazetteer's readers reload it. */
  onNamesTaught(listener: () => void): void {
    this.nameListeners.push(listener);
  }

  /**
   * A GraphWrite on a transaction the caller runs, announcing nothing: for
   * the write benchmark, which times each statement through its own runner.
   */
  on(tx: TxRunner): GraphWrite {
    return new GraphWrite(tx, {
      actors: this.actors,
      proposals: this.proposals,
      articles: this.articles,
      stances: this.stances,
      shifts: this.shiftRows,
    });
  }

  /** Stances written before the chain was kept get linked once, at start-up (a no-op afterwards). */
  onApplicationBootstrap(): Promise<void> {
    return runAs('startup link shifts', () => this.linkUnlinked());
  }

  private async linkUnlinked(): Promise<void> {
    let linked = 0;
    for (let round = 0; round < 1000; round++) {
      const done = await this.transaction(async (write) => {
        const pairs = await this.shiftRows.unlinkedPairs(write.tx, 500);
        await write.relink(pairs);
        return pairs.length;
      });
      linked += done;
      if (done < 500) break;
    }
    if (linked > 0) this.logger.log(`linked the SUPERSEDES chains of ${linked} (actor, proposal) pairs`);
  }

  /**
   * Reads the committed stances and shifts back and publishes them. A
   * failure here is logged, not thrown: the write itself has succeeded.
   */
  private async publish(changes: StanceChanges): Promise<void> {
    const created = unique(changes.created);
    const shifted = unique(changes.shifted);
    const reviewed = unique(changes.reviewed);
    if (created.length === 0 && shifted.length === 0 && reviewed.length === 0) return;
    try {
      const [stances, shifts, decided] = await Promise.all([
        created.length > 0 ? this.stances.findByIds(created) : [],
        shifted.length > 0 ? this.shifts.ofStances(shifted) : [],
        reviewed.length > 0 ? this.stances.findByIds(reviewed) : [],
      ]);
      await this.events.recorded(stances);
      await this.events.shifted(shifts);
      await this.events.reviewed(decided);
    } catch (error) {
      this.logger.warn(`live update not published: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function pairsOf(stances: StanceWrite[]): Pair[] {
  return uniquePairs(stances);
}

function uniquePairs(rows: Pair[]): Pair[] {
  const seen = new Map<string, Pair>();
  for (const s of rows) seen.set(pairKey(s), { actorId: s.actorId, proposalId: s.proposalId });
  return [...seen.values()];
}

function pairKey(pair: Pair): string {
  return `${pair.actorId}\u0000${pair.proposalId}`;
}

/** The pair's current stance: the last live one of its chain (chain order is refresh order), if any. */
function currentOf(chain: readonly ChainStance[]): string | null {
  for (let i = chain.length - 1; i >= 0; i--) if (chain[i].live) return chain[i].id;
  return null;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/** The ids that did not exist before, once no actor or proposal named is missing (else NOT_FOUND). */
function refused(missing: Pick<MissingRefs, 'missingActors' | 'missingProposals' | 'missingStances'>): string[] {
  if (missing.missingActors.length > 0) throw notFound('actor', missing.missingActors.join('", "'));
  if (missing.missingProposals.length > 0) throw notFound('proposal', missing.missingProposals.join('", "'));
  return missing.missingStances;
}
