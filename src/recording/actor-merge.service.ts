import { Injectable } from '@nestjs/common';
import { badInput } from '../common/errors/error-code.js';
import { stanceId } from '../common/ids.js';
import { requireId } from '../common/validation.js';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { StanceWriter } from './stance-writer.js';

/**
 * Folds one actor into another when the two turn out to be the same ("Moon"
 * recorded apart from "Moon Jae-in"). Stance ids are made from the holder, so
 * the merged actor's stances are re-keyed under the kept one; where the kept
 * actor already held the same fact, the two stances become one with the
 * evidence of both. All in one transaction, current edges and SUPERSEDES
 * chains rewritten; the shifts it causes are announced like any other.
 */
@Injectable()
export class ActorMergeService {
  private readonly q: Record<'stancesOf' | 'merge', string>;

  constructor(
    private readonly writer: StanceWriter,
    cypher: CypherRegistry,
  ) {
    this.q = cypher.load({ stancesOf: 'actors/stances-of', merge: 'actors/merge' });
  }

  async merge(keepIdInput: string, mergeIdInput: string): Promise<string> {
    const keepId = requireId('keepId', keepIdInput);
    const mergeId = requireId('mergeId', mergeIdInput);
    if (keepId === mergeId) throw badInput('mergeId', 'must differ from keepId');
    await this.writer.transaction(async (write) => {
      await write.requireRefs({ actorIds: [keepId, mergeId], proposalIds: [] });
      const held = await write.tx.run<{ id: string; proposalId: string; position: string; statedOn: string | null }>(
        this.q.stancesOf,
        { id: mergeId },
      );
      await write.rekey(
        held.map((s) => ({
          oldId: s.id,
          newId: stanceId(keepId, s.proposalId, s.position, s.statedOn),
          holderId: keepId,
          proposalId: s.proposalId,
        })),
      );
      await write.tx.run(this.q.merge, { keepId, mergeId });
      const proposalIds = [...new Set(held.map((s) => s.proposalId))];
      const pairs = proposalIds.map((proposalId) => ({ actorId: keepId, proposalId }));
      await write.relink(pairs);
      // The kept node now answers to the merged one's names: the extractor reads them from the next article on.
      write.changes.names = true;
    });
    return keepId;
  }
}
