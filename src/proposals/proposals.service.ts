import { Injectable } from '@nestjs/common';
import { ANALYST_ROW } from '../graph/vocabulary.js';
import { notFound } from '../common/errors/error-code.js';
import { Connection, decodeCursor, toConnection } from '../common/pagination/connection.js';
import {
  idOrSlug,
  LIMITS,
  nameKeysOf,
  optionalIsoDate,
  optionalText,
  pageSize,
  requireId,
  requireText,
  textList,
} from '../common/validation.js';
import { UpsertProposalInput } from './dto/upsert-proposal.input.js';
import { ProposalsRepository } from './proposals.repository.js';
import type { StanceWithRefs } from '../graph/stance.row.js';
import { ProposalRow, ProposerRow } from '../graph/proposal.row.js';

@Injectable()
export class ProposalsService {
  constructor(private readonly repository: ProposalsRepository) {}

  /** A proposal with its current stances read ahead (see ProposalsResolver.proposal). */
  async getWithCurrentStances(
    id: string,
    withEvidence: boolean,
  ): Promise<{ proposal: ProposalRow; stances: StanceWithRefs[] }> {
    const proposalId = requireId('id', id);
    const view = await this.repository.currentView(proposalId, withEvidence);
    if (!view) throw notFound('proposal', proposalId);
    return view;
  }

  async get(id: string): Promise<ProposalRow> {
    const proposalId = requireId('id', id);
    const [proposal] = await this.repository.findByIds([proposalId]);
    if (!proposal) throw notFound('proposal', proposalId);
    return proposal;
  }

  findByIds(ids: readonly string[]): Promise<ProposalRow[]> {
    return this.repository.findByIds(ids);
  }

  async page(first: number | null | undefined, after: string | null | undefined): Promise<Connection<ProposalRow>> {
    const size = pageSize('first', first);
    const afterId = decodeCursor('after', after);
    const [rows, total] = await Promise.all([this.repository.page(afterId, size), this.repository.count()]);
    return toConnection(rows, { first: size, after: afterId }, total, (row) => row.id);
  }

  async upsert(input: UpsertProposalInput): Promise<ProposalRow> {
    const name = requireText('name', input.name, LIMITS.name);
    const id = idOrSlug('id', input.id, name);
    const aliases = textList('aliases', input.aliases, LIMITS.aliases, LIMITS.alias);
    const proposedById = input.proposedById == null ? null : requireId('proposedById', input.proposedById);
    const proposerId = input.proposerId == null ? null : requireId('proposerId', input.proposerId);
    const proposal = await this.repository.upsertOne({
      id,
      name,
      summary: optionalText('summary', input.summary, LIMITS.summary),
      aliases,
      nameKeys: nameKeysOf(name, aliases),
      proposedById,
      proposerId,
      proposedOn: optionalIsoDate('proposedOn', input.proposedOn),
      ...ANALYST_ROW,
    });
    if (!proposal) throw notFound('actor', [proposedById, proposerId].filter(Boolean).join('" or "'));
    return proposal;
  }

  proposers(ids: readonly string[]): Promise<ProposerRow[]> {
    return this.repository.proposers(ids);
  }

  proposedBy(actorIds: readonly string[]): Promise<ProposerRow[]> {
    return this.repository.proposedBy(actorIds);
  }
}
