import { Field, ID, ObjectType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../../common/scalars/date-scalars.js';

@ObjectType({ description: 'A report: where a stance was read.' })
export class Article {
  @Field(() => ID, {
    description:
      'Stable id derived from content: the url (else outlet, title and date) of a cited article, the text of an ingested one.',
  })
  id: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where the article is published (http or https); null when unknown.',
  })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'The headline; null when unknown.' })
  title: string | null;

  @Field(() => String, { nullable: true, description: 'The outlet that published it ("Kyodo"); null when unknown.' })
  outlet: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When the article came out: ISO date YYYY-MM-DD or YYYY-MM; null when unknown.',
  })
  publishedOn: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'SHA-256 (hex) of the normalised text, for ingested articles; null for articles only cited by reference.',
  })
  textHash: string | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When this system learned of the article: ISO 8601 date-time in UTC.',
  })
  recordedAt: string | null;

  sameReportIds: string[];
}
