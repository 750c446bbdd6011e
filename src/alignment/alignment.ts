import { conditionDelta, positionRank } from '../shifts/shift-kind.js';
import { Position } from '../graph/vocabulary.js';
import type { StanceRow } from '../graph/stance.row.js';

/**
 * Who agrees with whom, in the spirit of discourse network analysis
 * (congruence and conflict networks between actors through the concepts they
 * take positions on). Positions sit on one scale, OPPOSE -1, NONCOMMITTAL 0,
 * SUPPORT +1, and two stances on a proposal agree by
 *
 *   agreement = 1 - |rank(a) - rank(b)|
 *
 * so the same position is +1, SUPPORT against OPPOSE is -1, and one
 * NONCOMMITTAL against either is 0. A pair's score is the mean agreement over
 * the proposals on which both hold a stance. Conditions do not change the
 * score (both still oppose), but they are surfaced: "on different grounds" is
 * what an analyst needs to see next to "agree".
 */
export enum Relation {
  AGREE = 'AGREE',
  APART = 'APART',
  OPPOSED = 'OPPOSED',
  NOT_COMPARABLE = 'NOT_COMPARABLE',
}

export interface NamedActor {
  id: string;
  name: string;
}

export interface ProposalComparison {
  proposalId: string;
  relation: Relation;
  agreement: number | null;
  stanceA: StanceRow | null;
  stanceB: StanceRow | null;
  sharedConditions: string[];
  conditionsOnlyA: string[];
  conditionsOnlyB: string[];
  sameGrounds: boolean | null;
  explanation: string;
}

export interface PairAlignment {
  actorA: NamedActor;
  actorB: NamedActor;
  compared: number;
  agree: number;
  disagree: number;
  opposed: number;
  score: number | null;
  proposals: ProposalComparison[];
}

export function agreement(a: Position, b: Position): number {
  return 1 - Math.abs(positionRank(a) - positionRank(b));
}

const VERB: Record<Position, string> = {
  [Position.SUPPORT]: 'supports',
  [Position.OPPOSE]: 'opposes',
  [Position.NONCOMMITTAL]: 'is noncommittal',
};
const BOTH: Record<Position, string> = {
  [Position.SUPPORT]: 'Both support',
  [Position.OPPOSE]: 'Both oppose',
  [Position.NONCOMMITTAL]: 'Both are noncommittal',
};

function said(actor: NamedActor, s: StanceRow): string {
  const cue = s.cue
    ? ` ("${s.cue}"` + (s.effectiveOn ? `, ${s.effectiveOn})` : ')')
    : s.effectiveOn
      ? ` (${s.effectiveOn})`
      : '';
  return `${actor.name} ${VERB[s.position]}${cue}`;
}

function terms(actor: NamedActor, own: string[], shared: string[]): string {
  if (own.length === 0 && shared.length === 0) return `${actor.name} sets no condition`;
  if (own.length === 0) return `${actor.name} sets no condition of its own`;
  return `${actor.name}'s own condition${own.length > 1 ? 's' : ''}: ${own.join('; ')}`;
}

export function compare(
  actorA: NamedActor,
  actorB: NamedActor,
  proposalId: string,
  a: StanceRow | null,
  b: StanceRow | null,
): ProposalComparison {
  if (!a || !b) {
    const missing = [!a ? actorA.name : null, !b ? actorB.name : null].filter(Boolean).join(' and ');
    return {
      proposalId,
      relation: Relation.NOT_COMPARABLE,
      agreement: null,
      stanceA: a,
      stanceB: b,
      sharedConditions: [],
      conditionsOnlyA: a?.conditions ?? [],
      conditionsOnlyB: b?.conditions ?? [],
      sameGrounds: null,
      explanation: `No stance on record from ${missing}.`,
    };
  }
  const delta = conditionDelta(a.conditions, b.conditions);
  const onlyA = delta.dropped;
  const onlyB = delta.gained;
  const shared = delta.shared;
  const value = agreement(a.position, b.position);
  const relation = value === 1 ? Relation.AGREE : value === -1 ? Relation.OPPOSED : Relation.APART;
  const sameGrounds = onlyA.length === 0 && onlyB.length === 0;
  let explanation: string;
  if (relation === Relation.AGREE) {
    const cues = `${actorA.name}${a.cue ? ` ("${a.cue}")` : ''}, ${actorB.name}${b.cue ? ` ("${b.cue}")` : ''}`;
    explanation = sameGrounds
      ? `${BOTH[a.position]} on the same terms: ${cues}${shared.length ? `; shared condition: ${shared.join('; ')}` : ''}.`
      : `${BOTH[a.position]}, on different grounds: ${cues}. ${terms(actorA, onlyA, shared)}; ${terms(actorB, onlyB, shared)}.`;
  } else {
    const lead = relation === Relation.OPPOSED ? 'Opposite positions' : 'Apart by one step';
    const conds = [
      onlyA.length ? `${actorA.name}'s conditions: ${onlyA.join('; ')}` : '',
      onlyB.length ? `${actorB.name}'s conditions: ${onlyB.join('; ')}` : '',
    ]
      .filter(Boolean)
      .join('. ');
    explanation = `${lead}: ${said(actorA, a)}; ${said(actorB, b)}.${conds ? ` ${conds}.` : ''}`;
  }
  return {
    proposalId,
    relation,
    agreement: value,
    stanceA: a,
    stanceB: b,
    sharedConditions: shared,
    conditionsOnlyA: onlyA,
    conditionsOnlyB: onlyB,
    sameGrounds,
    explanation,
  };
}

/** Every pair of the actors (in the order given), compared on every proposal (in the order given). */
export function alignPairs(actors: NamedActor[], proposalIds: string[], stances: StanceRow[]): PairAlignment[] {
  const key = (actorId: string, proposalId: string) => `${actorId}\u0000${proposalId}`;
  const stanceOf = new Map(stances.map((s) => [key(s.actorId, s.proposalId), s]));
  const pairs: PairAlignment[] = [];
  for (let i = 0; i < actors.length; i++) {
    for (let j = i + 1; j < actors.length; j++) {
      const [actorA, actorB] = [actors[i], actors[j]];
      const proposals = proposalIds.map((p) =>
        compare(actorA, actorB, p, stanceOf.get(key(actorA.id, p)) ?? null, stanceOf.get(key(actorB.id, p)) ?? null),
      );
      const compared = proposals.filter((p) => p.agreement !== null);
      const sum = compared.reduce((acc, p) => acc + (p.agreement as number), 0);
      pairs.push({
        actorA,
        actorB,
        compared: compared.length,
        agree: compared.filter((p) => p.relation === Relation.AGREE).length,
        disagree: compared.filter((p) => p.relation !== Relation.AGREE).length,
        opposed: compared.filter((p) => p.relation === Relation.OPPOSED).length,
        score: compared.length > 0 ? sum / compared.length : null,
        proposals,
      });
    }
  }
  return pairs;
}
