import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection.js';

@ObjectType({ description: 'Something put forward for others to accept: a declaration, talks, a summit, a treaty.' })
export class Proposal {
  @Field(() => ID, { description: 'Stable slug of the canonical name, e.g. "end-of-war-declaration".' })
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  summary: string | null;

  @Field(() => [String])
  aliases: string[];

  @Field(() => String, { nullable: true, description: 'ISO date (day or month) it was put forward.' })
  proposedOn: string | null;
}

@ObjectType()
export class ProposalConnection extends ConnectionType(Proposal, 'Proposal') {}
