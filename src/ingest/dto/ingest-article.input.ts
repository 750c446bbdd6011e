import { Field, InputType } from '@nestjs/graphql';

@InputType({ description: 'A news article as raw text, with what is known about it.' })
export class IngestArticleInput {
  @Field({ description: 'The article text (plain text; an inline "date YYYY-MM-DD" header is understood).' })
  text: string;

  @Field(() => String, { nullable: true })
  url?: string | null;

  @Field(() => String, { nullable: true })
  outlet?: string | null;

  @Field(() => String, { nullable: true })
  title?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'ISO date (day or month); relative dates in the text ("said Saturday") resolve against it.',
  })
  publishedOn?: string | null;
}
