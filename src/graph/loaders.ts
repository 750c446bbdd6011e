import { Inject, Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { PageArgs } from '../common/pagination/connection.js';
import type { ActorRow, RepresentationRow } from './actor.row.js';
import type { ArticleRow } from './article.row.js';
import type { ProposalRow, ProposerRow } from './proposal.row.js';
import type { ShiftView } from './shift.row.js';
import type { EvidenceRow, StancePage, StanceRow, StanceWithRefs } from './stance.row.js';
import type { Position, ShiftKind } from './vocabulary.js';

/** Groups rows by a key, in the order of the keys asked for. */
export function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const byKey = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) byKey.get(keyOf(row))?.push(row);
  return keys.map((k) => byKey.get(k) ?? []);
}

/** Each key's page (an empty one when the statement returned none for it), in the order of the keys asked for. */
export function pagesBy<T extends StancePage>(
  keys: readonly string[],
  pages: T[],
  keyOf: (page: T) => string,
): StancePage[] {
  const byKey = new Map<string, StancePage>(pages.map((p) => [keyOf(p), p]));
  return keys.map((k) => byKey.get(k) ?? { totalCount: 0, rows: [] });
}

/** One row per key (or null), in the order of the keys asked for. */
export function indexBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): Array<T | null> {
  const byKey = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => byKey.get(k) ?? null);
}

/**
 * What the loaders read through: the features' services (actors, proposals,
 * articles, stances, shifts), handed in by the application's wiring
 * (src/app.loaders.ts) so that this layer imports no feature.
 */
export interface LoaderSources {
  actors: {
    findByIds(ids: readonly string[]): Promise<ActorRow[]>;
    representations(ids: readonly string[]): Promise<RepresentationRow[]>;
  };
  proposals: {
    findByIds(ids: readonly string[]): Promise<ProposalRow[]>;
    proposers(ids: readonly string[]): Promise<ProposerRow[]>;
    proposedBy(ids: readonly string[]): Promise<Array<{ actorId: string; proposalId: string }>>;
  };
  articles: { findByIds(ids: readonly string[]): Promise<ArticleRow[]> };
  stances: {
    evidence(ids: readonly string[]): Promise<EvidenceRow[]>;
    byArticles(ids: readonly string[]): Promise<Array<StanceRow & { articleId: string }>>;
    currentByProposals(
      ids: readonly string[],
      asOf: string | null,
      position: Position | null,
      knownAsOf: string | null,
      page: PageArgs | null,
    ): Promise<Array<StancePage & { proposalId: string }>>;
    byProposals(
      ids: readonly string[],
      position: Position | null,
      knownAsOf: string | null,
      page: PageArgs | null,
    ): Promise<Array<StancePage & { proposalId: string }>>;
    byActors(
      ids: readonly string[],
      proposalId: string | null,
      from: string | null,
      to: string | null,
      knownAsOf: string | null,
      page: PageArgs | null,
    ): Promise<Array<StancePage & { actorId: string }>>;
  };
  shifts: {
    ofStances(ids: readonly string[]): Promise<ShiftView[]>;
    byActors(
      ids: readonly string[],
      proposalId: string | null,
      since: string | null,
      kinds: ShiftKind[] | null,
    ): Promise<ShiftView[]>;
  };
}

/** The injection token of the LoaderSources (provided in src/app.loaders.ts). */
export const LOADER_SOURCES = Symbol('LOADER_SOURCES');

/** What stance and evidence rows may carry besides their own columns. */
interface Embedded {
  actor?: ActorRow | null;
  speaker?: ActorRow | null;
  proposal?: ProposalRow | null;
  article?: ArticleRow | null;
}

/**
 * Batch loaders, made fresh for every request: a nested field of a list is
 * fetched with one Cypher statement for all its parents, not one per row.
 * Loaders that take arguments (asOf, a date window) get one DataLoader per
 * distinct set of arguments.
 */
export class Loaders {
  private readonly withArgs = new Map<string, DataLoader<string, unknown>>();

  readonly actors = new DataLoader<string, ActorRow | null>(async (ids) =>
    indexBy(ids, await this.s.actors.findByIds(ids), (r) => r.id),
  );
  readonly proposals = new DataLoader<string, ProposalRow | null>(async (ids) =>
    indexBy(ids, await this.s.proposals.findByIds(ids), (r) => r.id),
  );
  readonly articles = new DataLoader<string, ArticleRow | null>(async (ids) =>
    indexBy(ids, await this.s.articles.findByIds(ids), (r) => r.id),
  );
  readonly representations = new DataLoader<string, RepresentationRow[]>(async (ids) =>
    groupBy(ids, await this.s.actors.representations(ids), (r) => r.actorId),
  );
  readonly proposers = new DataLoader<string, ProposerRow[]>(async (ids) =>
    groupBy(ids, await this.s.proposals.proposers(ids), (r) => r.proposalId),
  );
  readonly proposedBy = new DataLoader<string, string[]>(async (ids) =>
    groupBy(ids, await this.s.proposals.proposedBy(ids), (r) => r.actorId).map((rows) => rows.map((r) => r.proposalId)),
  );
  readonly evidence = new DataLoader<string, EvidenceRow[]>(async (ids) =>
    groupBy(ids, this.prime(await this.s.stances.evidence(ids)), (r) => r.stanceId),
  );
  readonly stancesOfArticle = new DataLoader<string, StanceRow[]>(async (ids) =>
    groupBy(ids, await this.s.stances.byArticles(ids), (r) => r.articleId),
  );

  /** The shift each stance makes (null when it is not live). */
  readonly shiftOfStance = new DataLoader<string, ShiftView | null>(async (ids) =>
    indexBy(ids, await this.s.shifts.ofStances(ids), (r) => r.id),
  );

  constructor(private readonly s: LoaderSources) {}

  /**
   * Each actor's stance as of a date (null: now) on a proposal, a page of
   * them in holder order (page null: all, for currentStances).
   */
  currentStances(
    asOf: string | null,
    position: Position | null,
    knownAsOf: string | null,
    page: PageArgs | null,
  ): DataLoader<string, StancePage> {
    return this.keyed(['current', asOf, position, knownAsOf, page], async (ids) =>
      pagesBy(
        ids,
        this.primePages(await this.s.stances.currentByProposals(ids, asOf, position, knownAsOf, page)),
        (r) => r.proposalId,
      ),
    );
  }

  /** A proposal's live stances, oldest first: a page (page null: all, for the timeline). */
  stancesOnProposal(
    position: Position | null,
    knownAsOf: string | null,
    page: PageArgs | null,
  ): DataLoader<string, StancePage> {
    return this.keyed(['onProposal', position, knownAsOf, page], async (ids) =>
      pagesBy(
        ids,
        this.primePages(await this.s.stances.byProposals(ids, position, knownAsOf, page)),
        (r) => r.proposalId,
      ),
    );
  }

  /** An actor's live stances, oldest first, optionally on one proposal and in a window: a page. */
  stancesOfActor(
    proposalId: string | null,
    from: string | null,
    to: string | null,
    knownAsOf: string | null,
    page: PageArgs | null,
  ): DataLoader<string, StancePage> {
    return this.keyed(['ofActor', proposalId, from, to, knownAsOf, page], async (ids) =>
      pagesBy(
        ids,
        this.primePages(await this.s.stances.byActors(ids, proposalId, from, to, knownAsOf, page)),
        (r) => r.actorId,
      ),
    );
  }

  shiftsOfActor(
    proposalId: string | null,
    since: string | null,
    kinds: ShiftKind[] | null,
  ): DataLoader<string, ShiftView[]> {
    return this.keyed(['shiftsOfActor', proposalId, since, kinds ?? null], async (ids) =>
      groupBy(ids, await this.s.shifts.byActors(ids, proposalId, since, kinds), (r) => r.actorId),
    );
  }

  /**
   * Caches what a root resolver read ahead in one statement (lookahead.ts):
   * a proposal, its current stances (the loader currentStances(null, null,
   * null, null) would give), their actors, and their evidence with its
   * articles when it was read. The fields below then resolve from these caches.
   */
  primeCurrentStances(proposal: ProposalRow, stances: StanceWithRefs[]): void {
    this.proposals.prime(proposal.id, proposal);
    const rows = this.primedWithEvidence(stances).map((s) => ({ ...s, sortKey: s.actorId }));
    this.currentStances(null, null, null, null).prime(proposal.id, { totalCount: rows.length, rows });
  }

  /**
   * Caches an actor, its roles and (when read) the page of its timeline the
   * loader stancesOfActor(null, null, null, null, page) would give, with what
   * that page carries.
   */
  primeStancesOfActor(
    actor: ActorRow,
    representations: RepresentationRow[] | null,
    timeline: { page: PageArgs; stances: StancePage } | null,
  ): void {
    this.actors.prime(actor.id, actor);
    if (representations) this.representations.prime(actor.id, representations);
    if (timeline) {
      this.primedWithEvidence(timeline.stances.rows);
      this.stancesOfActor(null, null, null, null, timeline.page).prime(actor.id, timeline.stances);
    }
  }

  private primedWithEvidence<T extends StanceWithRefs>(stances: T[]): T[] {
    for (const s of stances) if (s.evidence) this.evidence.prime(s.id, this.prime(s.evidence));
    return this.prime(stances);
  }

  private primePages<T extends StancePage>(pages: T[]): T[] {
    for (const page of pages) this.prime(page.rows);
    return pages;
  }

  /**
   * Stance and evidence rows carry the actors, proposal and article they
   * name (the statements read them anyway): cached here, the Actor, Proposal
   * and Article fields under a list resolve without a statement of their own.
   */
  prime<T>(rows: T[]): T[] {
    for (const row of rows as Array<T & Embedded>) {
      if (row.actor) this.actors.prime(row.actor.id, row.actor);
      if (row.speaker) this.actors.prime(row.speaker.id, row.speaker);
      if (row.proposal) this.proposals.prime(row.proposal.id, row.proposal);
      if (row.article) this.articles.prime(row.article.id, row.article);
    }
    return rows;
  }

  /** One loader per distinct set of arguments (JSON: a cursor may hold any character). */
  private keyed<V>(args: unknown[], batch: (ids: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
    const key = JSON.stringify(args);
    let loader = this.withArgs.get(key) as DataLoader<string, V> | undefined;
    if (!loader) {
      loader = new DataLoader<string, V>(batch);
      this.withArgs.set(key, loader as DataLoader<string, unknown>);
    }
    return loader;
  }
}

/** Makes each request's loaders (the GraphQL context, the WebSocket server, each subscription event). */
@Injectable()
export class LoadersFactory {
  constructor(@Inject(LOADER_SOURCES) private readonly sources: LoaderSources) {}

  create(): Loaders {
    return new Loaders(this.sources);
  }
}
