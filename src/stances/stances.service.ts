import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '../common/errors/error-code.js';
import { knownAsOfBound } from '../common/instants.js';
import { Connection, decodeCursor, PageArgs, toConnection } from '../common/pagination/connection.js';
import { LIMITS, optionalText, pageSize, requireId } from '../common/validation.js';
import type { EvidenceRow, StancePage, StanceRow, StanceWithRefs } from '../graph/stance.row.js';
import { LIVE_STATUSES, Position } from '../graph/vocabulary.js';
import { StanceFilter } from './dto/stance-filter.input.js';
import { StanceQuery, StancesRepository } from './stances.repository.js';

const LIVE = [...LIVE_STATUSES];

@Injectable()
export class StancesService {
  constructor(private readonly repository: StancesRepository) {}

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
