import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '../common/errors/error-code.js';
import { stanceId } from '../common/ids.js';
import { requireId } from '../common/validation.js';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { Neo4jService } from '../neo4j/neo4j.service.js';
import { ShiftsService } from '../shifts/shifts.service.js';
import { StancesRepository } from '../stances/stances.repository.js';

/**
 * Folds one proposal into another when the two turn out to be the same
 * (extraction met "the end-of-war declaration" and "a formal end to the
 * Korean War" apart). Stance ids are made from the proposal, so the merged
 * proposal's stances are re-keyed under the kept one; where an actor already
 * held the same fact on the kept one, the two stances become one with the
 * evidence of both. All in one transaction, current edges and SUPERSEDES
 * chains rewritten for every actor concerned (as ActorMergeService does for
 * actors).
 */
@Injectable()
export class ProposalMergeService {
  private readonly q: Record<'stancesOn' | 'merge', string>;

  constructor(
    private readonly neo4j: Neo4jService,
    private readonly stances: StancesRepository,
    private readonly shifts: ShiftsService,
    cypher: CypherRegistry,
  ) {
    this.q = cypher.load({ stancesOn: 'proposals/stances-on', merge: 'proposals/merge' });
  }

  async merge(keepIdInput: string, mergeIdInput: string): Promise<string> {
    const keepId = requireId('keepId', keepIdInput);
    const mergeId = requireId('mergeId', mergeIdInput);
    if (keepId === mergeId) throw badInput('mergeId', 'must differ from keepId');
    await this.neo4j.writeTransaction(async (tx) => {
      const missing = await this.stances.missingRefs(tx, { actorIds: [], proposalIds: [keepId, mergeId] });
      if (missing.missingProposals.length > 0) throw notFound('proposal', missing.missingProposals.join('", "'));
      const held = await tx.run<{ id: string; actorId: string; position: string; statedOn: string | null }>(
        this.q.stancesOn,
        { id: mergeId },
      );
      await this.stances.rekey(
        tx,
        held.map((s) => ({
          oldId: s.id,
          newId: stanceId(s.actorId, keepId, s.position, s.statedOn),
          holderId: s.actorId,
          proposalId: keepId,
        })),
      );
      await tx.run(this.q.merge, { keepId, mergeId });
      const pairs = [...new Set(held.map((s) => s.actorId))].map((actorId) => ({ actorId, proposalId: keepId }));
      await this.stances.refreshCurrent(tx, pairs);
      await this.shifts.relinkIn(tx, pairs);
    });
    return keepId;
  }
}
