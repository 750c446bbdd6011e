import { Injectable } from '@nestjs/common';
import { badInput } from '../common/errors/error-code.js';
import { stanceId } from '../common/ids.js';
import { requireId } from '../common/validation.js';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { StanceWriter } from './stance-writer.js';

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
    private readonly writer: StanceWriter,
    cypher: CypherRegistry,
  ) {
    this.q = cypher.load({ stancesOn: 'proposals/stances-on', merge: 'proposals/merge' });
  }

  async merge(keepIdInput: string, mergeIdInput: string): Promise<string> {
    const keepId = requireId('keepId', keepIdInput);
    const mergeId = requireId('mergeId', mergeIdInput);
    if (keepId === mergeId) throw badInput('mergeId', 'must differ from keepId');
    await this.writer.transaction(async (write) => {
      await write.requireRefs({ actorIds: [], proposalIds: [keepId, mergeId] });
      const held = await write.tx.run<{ id: string; actorId: string; position: string; statedOn: string | null }>(
        this.q.stancesOn,
        { id: mergeId },
      );
      await write.rekey(
        held.map((s) => ({
          oldId: s.id,
          newId: stanceId(s.actorId, keepId, s.position, s.statedOn),
          holderId: s.actorId,
          proposalId: keepId,
        })),
      );
      await write.tx.run(this.q.merge, { keepId, mergeId });
      const pairs = [...new Set(held.map((s) => s.actorId))].map((actorId) => ({ actorId, proposalId: keepId }));
      await write.relink(pairs);
      // The kept node now answers to the merged one's names: the extractor reads them from the next article on.
      write.changes.names = true;
    });
    return keepId;
  }
}
