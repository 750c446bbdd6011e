import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Actor } from '../../actors/models/actor.model.js';
import { Proposal } from '../../proposals/models/proposal.model.js';
import { Stance } from '../../stances/models/stance.model.js';
import { Relation } from '../alignment.js';

registerEnumType(Relation, {
  name: 'AgreementRelation',
  description:
    'AGREE: same position (agreement +1). APART: one is NONCOMMITTAL, the other not (0). OPPOSED: SUPPORT against OPPOSE (-1). NOT_COMPARABLE: one or both hold no stance as of the date.',
});

@ObjectType({ description: 'Two actors on one proposal: both stances, and why they agree or not.' })
export class ProposalAgreement {
  @Field(() => Proposal)
  proposal: Proposal;

  @Field(() => Relation)
  relation: Relation;

  @Field(() => Float, {
    nullable: true,
    description: '1 - |rank(a) - rank(b)| with OPPOSE -1, NONCOMMITTAL 0, SUPPORT +1; null when not comparable.',
  })
  agreement: number | null;

  @Field(() => Stance, { nullable: true, description: "actorA's stance as of the date." })
  stanceA: Stance | null;

  @Field(() => Stance, { nullable: true, description: "actorB's stance as of the date." })
  stanceB: Stance | null;

  @Field(() => [String], { description: 'Conditions both set.' })
  sharedConditions: string[];

  @Field(() => [String], { description: 'Conditions only actorA sets.' })
  conditionsOnlyA: string[];

  @Field(() => [String], { description: 'Conditions only actorB sets.' })
  conditionsOnlyB: string[];

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Same conditions on both sides (null when not comparable). AGREE with false: agreeing on different grounds.',
  })
  sameGrounds: boolean | null;

  @Field({ description: 'In words, for an analyst: positions, cues and whose conditions are whose.' })
  explanation: string;
}

@ObjectType({ description: 'How far two actors agree over the proposals asked about.' })
export class ActorPairAlignment {
  @Field(() => Actor)
  actorA: Actor;

  @Field(() => Actor)
  actorB: Actor;

  @Field(() => Int, { description: 'Proposals on which both hold a stance.' })
  compared: number;

  @Field(() => Int, { description: 'Of those, proposals with the same position.' })
  agree: number;

  @Field(() => Int, { description: 'Of those, proposals with different positions (APART or OPPOSED).' })
  disagree: number;

  @Field(() => Int, { description: 'Of the disagreements, SUPPORT against OPPOSE.' })
  opposed: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean agreement over the compared proposals, from -1 (always opposite) to +1 (always the same); null when none compare.',
  })
  score: number | null;

  @Field(() => [ProposalAgreement])
  proposals: ProposalAgreement[];
}

@ObjectType({ description: 'Who agrees with whom on a set of proposals, as of a date.' })
export class Alignment {
  @Field(() => String, { nullable: true })
  asOf: string | null;

  @Field(() => String, { nullable: true })
  knownAsOf: string | null;

  @Field(() => [ActorPairAlignment], { description: 'Every pair of the actors asked about, in the order asked.' })
  pairs: ActorPairAlignment[];
}
