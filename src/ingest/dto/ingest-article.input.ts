import { Field, InputType } from '@nestjs/graphql';
import { DateScalar } from '../../common/scalars/date-scalars.js';

@InputType({ description: 'A news article as raw text, with what is known about it.' })
export class IngestArticleInput {
  @Field({
    description:
      'The article text, plain (at most STANCE_MAX_ARTICLE_CHARS characters, 200000 by default); a leading "date YYYY-MM-DD" fills a missing publishedOn.',
  })
  text: string;

  @Field(() => String, {
    nullable: true,
    description: 'Absolute http:// or https:// address of the article, at most 2000 characters.',
  })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'The outlet that published it ("Yonhap").' })
  outlet?: string | null;

  @Field(() => String, { nullable: true, description: 'The headline.' })
  title?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'When it came out: ISO date YYYY-MM-DD or YYYY-MM. Relative dates in the text ("said Saturday", "last month") resolve against it.',
  })
  publishedOn?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'True when the text begins with the header of an article file, as `npm run ingest` reads files: `key: value` lines (url, outlet, title, published) ended by a line `---`. The fields given here win over the header; a text without such a header is read whole.',
  })
  header?: boolean | null;
}
