import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Position } from '../../graph/vocabulary.js';

@InputType({ description: 'The article a quote comes from: by id when known, else by its metadata.' })
export class ArticleRefInput {
  @Field(() => ID, { nullable: true })
  id?: string | null;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  outlet?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date, day or month precision.' })
  publishedOn?: string | null;
}

@InputType()
export class EvidenceInput {
  @Field()
  quote: string;

  @Field(() => Int, { nullable: true })
  charStart?: number | null;

  @Field(() => Int, { nullable: true })
  charEnd?: number | null;

  @Field(() => ArticleRefInput)
  article: ArticleRefInput;
}

@InputType()
export class RecordStanceInput {
  @Field(() => ID)
  actorId: string;

  @Field(() => ID)
  proposalId: string;

  @Field(() => Position)
  position: Position;

  @Field(() => String, { nullable: true })
  cue?: string | null;

  @Field(() => [String], { nullable: true })
  conditions?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'The person who voiced it for the actor.' })
  speakerId?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date, day or month precision; omit when unknown.' })
  statedOn?: string | null;

  @Field(() => Float, { nullable: true, description: '0 to 1; 1 when omitted (an analyst recorded it).' })
  confidence?: number | null;

  @Field(() => [EvidenceInput], { nullable: true })
  evidence?: EvidenceInput[] | null;
}
