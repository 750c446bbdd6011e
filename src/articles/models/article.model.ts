import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A report: where a stance was read.' })
export class Article {
  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true })
  outlet: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date (day or month) the article came out.' })
  publishedOn: string | null;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the normalised text, for ingested articles.' })
  textHash: string | null;

  @Field(() => String, { nullable: true, description: 'When this system learned of the article.' })
  recordedAt: string | null;

  sameReportIds: string[];
}
