import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ConnectionType } from '../../common/pagination/connection.js';
import { Position, StanceStatus } from '../../graph/vocabulary.js';
import { DateScalar, DateTimeScalar } from '../../common/scalars/date-scalars.js';

registerEnumType(Position, {
  name: 'Position',
  description:
    "Where an actor stands on a proposal. Conditions are separate: a rejection unless something changes is OPPOSE with a condition, an 'admirable idea, but only if' is SUPPORT with one.",
  valuesMap: {
    SUPPORT: { description: 'In favour: backs, welcomes or accepts the proposal (perhaps on conditions).' },
    OPPOSE: { description: 'Against: rejects, dismisses or calls it premature (perhaps unless something changes).' },
    NONCOMMITTAL: {
      description: 'Neither: declines to take a position, or says it is studying or weighing the proposal.',
    },
  },
});

registerEnumType(StanceStatus, {
  name: 'StanceStatus',
  description:
    'Where a stance is in review. PROPOSED and CONFIRMED stances are live (they count in current stances, timelines, shifts and alignment); REJECTED, RETRACTED and AMENDED ones are kept for the record only.',
  valuesMap: {
    PROPOSED: { description: 'Found by the extractor in an article; not yet reviewed by an analyst. Live.' },
    CONFIRMED: {
      description: 'Recorded by an analyst (recordStance) or an extracted stance an analyst accepted. Live.',
    },
    REJECTED: {
      description:
        'An extracted stance an analyst rejected: never current again, and re-ingesting never brings it back.',
    },
    RETRACTED: {
      description: 'Withdrawn as recorded in error (retractStance): kept for the record, never current again.',
    },
    AMENDED: {
      description:
        "Replaced by an analyst's amendment (amendStance) with another holder, proposal, position or date: kept as the extractor read it, never current again; its amendments name the stance it became.",
    },
  },
});

@ObjectType({ description: "An actor's position on a proposal at a time, with its evidence." })
export class Stance {
  @Field(() => ID, {
    description: 'Hash of actor, proposal, position and statedOn: the same fact always has the same id.',
  })
  id: string;

  @Field(() => Position, { description: 'Support, opposition or neither.' })
  position: Position;

  @Field(() => String, {
    nullable: true,
    description: 'The short verbatim words that carry the stance ("premature", "reject"); null when none was recorded.',
  })
  cue: string | null;

  @Field(() => [String], { description: 'Every cue seen for this stance across its evidence, first seen first.' })
  cues: string[];

  @Field(() => [String], {
    description:
      'What would change it ("unless the United States withdraws its hostile policy", "only if the North denuclearises"); empty when unconditional.',
  })
  conditions: string[];

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'When the actor took the stance, not when it was reported: ISO date YYYY-MM-DD, or YYYY-MM when only the month is known; null when unknown.',
  })
  statedOn: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'The date "as of" answers, timelines and ordering use: statedOn, or the earliest publishedOn of its evidence when statedOn is unknown (YYYY-MM-DD or YYYY-MM); null when neither is known.',
  })
  effectiveOn: string | null;

  @Field(() => Float, {
    description: 'How sure the extractor is, from 0 to 1; 1 for a stance an analyst recorded.',
  })
  confidence: number;

  @Field(() => DateTimeScalar, {
    description: 'When this system first learned it (ingestion or recording time): ISO 8601 date-time in UTC.',
  })
  recordedAt: string;

  @Field(() => StanceStatus, { description: 'Where the stance is in review; only PROPOSED and CONFIRMED are live.' })
  status: StanceStatus;

  @Field(() => String, {
    nullable: true,
    description:
      'Name of the extraction rule that produced it, for auditing the extractor; null when recorded by hand.',
  })
  rule: string | null;

  @Field(() => Int, {
    description:
      'How many times analysts have changed it (decisions, amendments, undos), from 0. Send it back as expectedVersion with a decision or an amendment: if someone else changed the stance meanwhile, nothing is written and the answer is CONFLICT.',
  })
  version: number;

  actorId: string;
  proposalId: string;
  speakerId: string | null;
}

/** The parts of a stance that marks point at. */
export enum MarkKind {
  HOLDER = 'HOLDER',
  SPEAKER = 'SPEAKER',
  CUE = 'CUE',
  PROPOSAL = 'PROPOSAL',
  CONDITION = 'CONDITION',
  DATE = 'DATE',
}

registerEnumType(MarkKind, {
  name: 'MarkKind',
  description: 'Which part of a stance a span of the article text carries.',
  valuesMap: {
    HOLDER: { description: 'The actor holding the stance, as the text names it.' },
    SPEAKER: { description: 'The person or body who voiced it.' },
    CUE: { description: 'The words that carry the position.' },
    PROPOSAL: { description: 'The proposal, as the text names or refers to it.' },
    CONDITION: { description: 'A condition attached to it.' },
    DATE: { description: 'When it was stated.' },
  },
});

@ObjectType({ description: "A span of an article's text that carries one part of a stance." })
export class TextMark {
  @Field(() => MarkKind, { description: 'The part it carries.' })
  kind: MarkKind;

  @Field(() => Int, { description: 'Where it starts in the article text (UTF-16 offset from 0).' })
  charStart: number;

  @Field(() => Int, { description: 'Where it ends (exclusive).' })
  charEnd: number;
}

@ObjectType({ description: 'A quote in an article that backs a stance.' })
export class Evidence {
  @Field({ description: 'The words quoted from the article, verbatim.' })
  quote: string;

  @Field(() => Int, {
    nullable: true,
    description:
      "Where the quote starts in the article's text as ingested (after normalisation): a character offset from 0, in UTF-16 code units; null when not known (a quote recorded by hand without a span).",
  })
  charStart: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Where the quote ends: the offset just after its last character (exclusive); null when not known.',
  })
  charEnd: number | null;

  articleId: string;
}

@ObjectType({ description: 'A page of stances, in the order the field that returns it states.' })
export class StanceConnection extends ConnectionType(Stance, 'Stance', 'stances') {}
