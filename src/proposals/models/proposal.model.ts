import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection.js';
import { DateScalar } from '../../common/scalars/date-scalars.js';

@ObjectType({ description: 'Something put forward for others to accept: a declaration, talks, a summit, a treaty.' })
export class Proposal {
  @Field(() => ID, { description: 'Stable slug of the canonical name, e.g. "end-of-war-declaration".' })
  id: string;

  @Field({ description: 'The canonical name ("End-of-war declaration").' })
  name: string;

  @Field(() => String, { nullable: true, description: 'What is proposed, in a sentence or two; null when not given.' })
  summary: string | null;

  @Field(() => [String], {
    description: 'Other names it is reported under ("end-of-war declaration", "declaration to end the Korean War").',
  })
  aliases: string[];

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'When it was put forward: ISO date YYYY-MM-DD, or YYYY-MM when only the month is known; null when unknown.',
  })
  proposedOn: string | null;
}

@ObjectType({ description: 'A page of proposals, in the order the field that returns it states.' })
export class ProposalConnection extends ConnectionType(Proposal, 'Proposal', 'proposals') {}
