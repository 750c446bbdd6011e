import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Actor } from '../../actors/models/actor.model.js';
import { Proposal } from '../../proposals/models/proposal.model.js';
import { Stance } from '../../stances/models/stance.model.js';
import { Relation } from '../alignment.js';
import { DateOrDateTimeScalar, DateScalar } from '../../common/scalars/date-scalars.js';

registerEnumType(Relation, {
  name: 'AgreementRelation',
  description: "How two actors' stances on one proposal relate, as of the date asked.",
  valuesMap: {
    AGREE: { description: 'The same position (agreement +1), perhaps on different conditions (see sameGrounds).' },
    APART: { description: 'One is NONCOMMITTAL, the other not (agreement 0).' },
    OPPOSED: { description: 'SUPPORT against OPPOSE (agreement -1).' },
    NOT_COMPARABLE: { description: 'One or both hold no stance on it as of the date (agreement null).' },
  },
});

@ObjectType({ description: 'Two actors on one proposal: both stances, and why they agree or not.' })
export class ProposalAgreement {
  @Field(() => Proposal, { description: 'The proposal compared on.' })
  proposal: Proposal;

  @Field(() => Relation, { description: 'Agree, apart, opposed, or not comparable.' })
  relation: Relation;

  @Field(() => Float, {
    nullable: true,
    description:
      'From -1 to +1: 1 - |rank(a) - rank(b)| with OPPOSE -1, NONCOMMITTAL 0, SUPPORT +1; null when not comparable.',
  })
  agreement: number | null;

  @Field(() => Stance, { nullable: true, description: 'The stance of actorA as of the date; null when it holds none.' })
  stanceA: Stance | null;

  @Field(() => Stance, { nullable: true, description: 'The stance of actorB as of the date; null when it holds none.' })
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
  @Field(() => Actor, { description: 'The first actor of the pair, in the order the actors were asked for.' })
  actorA: Actor;

  @Field(() => Actor, { description: 'The second actor of the pair.' })
  actorB: Actor;

  @Field(() => Int, { description: 'How many of the proposals both actors hold a stance on as of the date.' })
  compared: number;

  @Field(() => Int, { description: 'Of the compared proposals, how many with the same position (AGREE).' })
  agree: number;

  @Field(() => Int, { description: 'Of the compared proposals, how many with different positions (APART or OPPOSED).' })
  disagree: number;

  @Field(() => Int, { description: 'Of the compared proposals, how many with SUPPORT against OPPOSE (OPPOSED).' })
  opposed: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'Mean agreement over the compared proposals, from -1 (always opposite) to +1 (always the same); null when none compare.',
  })
  score: number | null;

  @Field(() => [ProposalAgreement], { description: 'Each proposal asked about, in the order asked.' })
  proposals: ProposalAgreement[];
}

@ObjectType({ description: 'Who agrees with whom on a set of proposals, as of a date.' })
export class Alignment {
  @Field(() => DateScalar, { nullable: true, description: 'The asOf argument, as given; null: now.' })
  asOf: string | null;

  @Field(() => DateOrDateTimeScalar, {
    nullable: true,
    description: 'The knownAsOf argument, as given; null: everything recorded.',
  })
  knownAsOf: string | null;

  @Field(() => [ActorPairAlignment], { description: 'Every pair of the actors asked about, in the order asked.' })
  pairs: ActorPairAlignment[];
}
