import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '../common/errors/error-code.js';
import { requireId } from '../common/validation.js';
import { upperBound } from '../stances/stances.service.js';
import { knownAsOfBound } from '../common/instants.js';
import { alignPairs } from './alignment.js';
import { AlignmentRepository } from './alignment.repository.js';

const MAX_ACTORS = 50;
const MAX_PROPOSALS = 100;

@Injectable()
export class AlignmentService {
  constructor(private readonly repository: AlignmentRepository) {}

  async align(actorIdsIn: string[], proposalIdsIn: string[], asOf: string | null, knownAsOf: string | null) {
    const actorIds = ids('actorIds', actorIdsIn, 2, MAX_ACTORS);
    const proposalIds = ids('proposalIds', proposalIdsIn, 1, MAX_PROPOSALS);
    const { actors, proposals, stances } = await this.repository.inputs(
      actorIds,
      proposalIds,
      upperBound(asOf),
      knownAsOfBound('knownAsOf', knownAsOf),
    );
    const missingActors = actorIds.filter((id) => !actors.some((a) => a.id === id));
    if (missingActors.length > 0) throw notFound('actor', missingActors.join('", "'));
    const missingProposals = proposalIds.filter((id) => !proposals.some((p) => p.id === id));
    if (missingProposals.length > 0) throw notFound('proposal', missingProposals.join('", "'));

    const actorById = new Map(actors.map((a) => [a.id, a]));
    const proposalById = new Map(proposals.map((p) => [p.id, p]));
    const pairs = alignPairs(
      actorIds.map((id) => actorById.get(id)!),
      proposalIds,
      stances,
    );
    return {
      asOf,
      knownAsOf,
      pairs: pairs.map((pair) => ({
        ...pair,
        actorA: actorById.get(pair.actorA.id)!,
        actorB: actorById.get(pair.actorB.id)!,
        proposals: pair.proposals.map((c) => ({ ...c, proposal: proposalById.get(c.proposalId)! })),
      })),
    };
  }
}

function ids(field: string, values: string[] | null | undefined, min: number, max: number): string[] {
  if (!Array.isArray(values)) throw badInput(field, 'is required');
  const out = [...new Set(values.map((v, i) => requireId(`${field}[${i}]`, v)))];
  if (out.length < min || out.length > max)
    throw badInput(field, `must name from ${min} to ${max} distinct ids (got ${out.length})`);
  return out;
}
