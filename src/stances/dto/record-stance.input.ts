import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Position } from '../../graph/vocabulary.js';
import { MarkKind } from '../models/stance.model.js';
import { DateScalar } from '../../common/scalars/date-scalars.js';

@InputType({ description: 'The article a quote comes from: by id when known, else by its metadata.' })
export class ArticleRefInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Id of an article already in the graph; when omitted the id is derived from url, else from outlet, title and publishedOn.',
  })
  id?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Absolute http:// or https:// address of the article, at most 2000 characters.',
  })
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'The outlet that published it ("Kyodo", "The Japan Times").' })
  outlet?: string | null;

  @Field(() => String, { nullable: true, description: 'The headline, at most 2000 characters.' })
  title?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When the article came out: ISO date YYYY-MM-DD or YYYY-MM.',
  })
  publishedOn?: string | null;
}

@InputType({ description: "Where one part of a stance is written in the quote's article, as an analyst marks it." })
export class MarkInput {
  @Field(() => MarkKind, { description: 'Which part of the stance the words carry.' })
  kind: MarkKind;

  @Field(() => Int, { description: 'Offset of the first character in the article text; within the quote.' })
  charStart: number;

  @Field(() => Int, { description: 'Offset just after the last character (exclusive); within the quote.' })
  charEnd: number;
}

@InputType({ description: 'A quote that backs a stance, and the article it is from.' })
export class EvidenceInput {
  @Field({ description: 'The words quoted from the article, verbatim, at most 2000 characters.' })
  quote: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Offset of the quote in the article text, from 0; give both charStart and charEnd, or neither.',
  })
  charStart?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Offset just after the quote (exclusive), greater than charStart.',
  })
  charEnd?: number | null;

  @Field(() => ArticleRefInput, { description: 'The article the quote is from (created when new).' })
  article: ArticleRefInput;

  @Field(() => [MarkInput], {
    nullable: true,
    description:
      'Where the holder, speaker, proposal, cue, conditions and date are written (at most 20; needs charStart and charEnd). The words marked as the proposal, holder or speaker become aliases of the proposal or actor recorded, unless they name another: the extractor links them from the next article on.',
  })
  marks?: MarkInput[] | null;
}

@InputType({ description: "An actor's stance on a proposal as an analyst records it." })
export class RecordStanceInput {
  @Field(() => ID, { description: 'Id of the actor holding the stance; it must exist.' })
  actorId: string;

  @Field(() => ID, { description: 'Id of the proposal; it must exist.' })
  proposalId: string;

  @Field(() => Position, { description: 'Support, opposition or neither.' })
  position: Position;

  @Field(() => String, {
    nullable: true,
    description: 'The short verbatim words that carry the stance ("premature"), at most 300 characters.',
  })
  cue?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'What would change it (at most 10, each at most 500 characters); replaces the recorded conditions.',
  })
  conditions?: string[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Id of the person or body who voiced it for the actor (not the actor itself), when known.',
  })
  speakerId?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'When the actor took the stance: ISO date YYYY-MM-DD or YYYY-MM; omit when unknown. Part of the stance id, with actor, proposal and position.',
  })
  statedOn?: string | null;

  @Field(() => Float, { nullable: true, description: 'From 0 to 1; 1 when omitted (an analyst recorded it).' })
  confidence?: number | null;

  @Field(() => [EvidenceInput], {
    nullable: true,
    description: 'Quotes that back it (at most 50), added to any evidence the stance already has.',
  })
  evidence?: EvidenceInput[] | null;
}
