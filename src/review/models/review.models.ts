import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateScalar, DateTimeScalar } from '../../common/scalars/date-scalars.js';
import { Position, StanceStatus } from '../../graph/vocabulary.js';

/** The decisions a bulk decision can make. */
export enum BulkDecision {
  CONFIRM = 'CONFIRM',
  REJECT = 'REJECT',
}

registerEnumType(BulkDecision, {
  name: 'BulkDecision',
  description: 'What a bulk decision does to every PROPOSED stance it takes.',
  valuesMap: {
    CONFIRM: { description: 'Confirm them (CONFIRMED).' },
    REJECT: { description: 'Reject them (REJECTED).' },
  },
});

@ObjectType({ description: 'A stance as read at one moment: who, on what, where, when, on what conditions.' })
export class StanceReading {
  @Field(() => ID, { description: 'The holder.' })
  actorId: string;

  @Field(() => ID, { nullable: true, description: 'Who voiced it; null when nobody was named.' })
  speakerId: string | null;

  @Field(() => ID, { description: 'The proposal.' })
  proposalId: string;

  @Field(() => Position, { description: 'The position.' })
  position: Position;

  @Field(() => [String], { description: 'The conditions.' })
  conditions: string[];

  @Field(() => DateScalar, { nullable: true, description: 'When it was stated; null when not known.' })
  statedOn: string | null;
}

@ObjectType({
  description:
    "An analyst's correction of a stance: who made it, when, which fields changed, and the reading before and after. The first amendment's `before` is the extractor's own reading.",
})
export class Amendment {
  @Field(() => ID, { description: 'Stable id of the amendment.' })
  id: string;

  @Field({ description: 'Who made it (the subject of their token; "anonymous" where writes are open).' })
  by: string;

  @Field(() => DateTimeScalar, { description: 'When it was made (UTC).' })
  at: string;

  @Field(() => [String], {
    description: 'The fields it changed: actorId, speakerId, proposalId, position, conditions, statedOn.',
  })
  fields: string[];

  @Field(() => StanceReading, { description: 'The reading before.' })
  before: StanceReading;

  @Field(() => StanceReading, { description: 'The reading after.' })
  after: StanceReading;

  @Field(() => String, { nullable: true, description: "The analyst's note; null when none." })
  note: string | null;

  @Field(() => [String], {
    description:
      'What it taught the extractor for the next articles: the words the article used, now aliases of the proposal or actor chosen ("proposal inter-korean-dialogue: military talks between the Koreas"). Visible in their aliases; upsertProposal or upsertActor removes them.',
  })
  taught: string[];

  @Field(() => ID, { description: 'The stance amended (AMENDED when it became another stance).' })
  fromStanceId: string;

  @Field(() => ID, { description: 'The stance it became (the same one when only speaker or conditions changed).' })
  toStanceId: string;
}

@ObjectType({ description: 'A bulk decision on the PROPOSED stances a filter matched, undoable in one step.' })
export class DecisionBatch {
  @Field(() => ID, { description: 'The batch, for undoDecisionBatch.' })
  id: string;

  @Field(() => StanceStatus, { description: 'The status it gave (CONFIRMED or REJECTED).' })
  status: StanceStatus;

  @Field({ description: 'Who made it.' })
  by: string;

  @Field(() => Int, { description: 'How many stances it decided.' })
  count: number;

  @Field(() => [ID], { description: 'The stances it decided (undone: the ones put back to PROPOSED).' })
  stanceIds: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was undone; null while it stands.' })
  undoneAt: string | null;

  @Field(() => Int, {
    description: 'On undo: stances someone changed after the batch, left as they are (0 otherwise).',
  })
  kept: number;
}

@ObjectType({
  description: 'Who is asking, and what their token lets them do: for a page to disable what a role cannot do.',
})
export class Viewer {
  @Field({ description: 'The subject of the token ("anonymous" without one).' })
  subject: string;

  @Field(() => String, {
    nullable: true,
    description: 'The role: reader, editor or admin; null without a valid token.',
  })
  role: string | null;

  @Field({ description: 'Whether reading needs no token here.' })
  openReads: boolean;

  @Field({ description: 'May read the graph and the queue.' })
  canRead: boolean;

  @Field({ description: 'May ingest, confirm, reject, amend, record and decide in bulk (editor or admin).' })
  canEdit: boolean;

  @Field({ description: 'May link and merge actors and proposals, and retract stances (admin).' })
  canAdmin: boolean;
}

/** Where a candidate cue stands. */
export enum CueStatus {
  CANDIDATE = 'CANDIDATE',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
}

registerEnumType(CueStatus, {
  name: 'CueStatus',
  description: 'Where a cue analysts used stands with the lexicon.',
  valuesMap: {
    CANDIDATE: { description: 'Used by an analyst; not yet decided.' },
    ACCEPTED: { description: 'In the lexicon: the extractor reads it from the next article on.' },
    DECLINED: { description: 'Kept out of the lexicon (or taken out again).' },
  },
});

@ObjectType({
  description:
    "Words an analyst gave as a stance's cue that the extractor's lexicon did not read as one: accepted, the extractor reads them from the next article on.",
})
export class CueCandidate {
  @Field({ description: 'The words, as the analyst gave them.' })
  words: string;

  @Field(() => Position, { description: 'The position they carried.' })
  position: Position;

  @Field(() => CueStatus, { description: 'Candidate, accepted or declined.' })
  status: CueStatus;

  @Field(() => Int, { description: 'How many stances analysts recorded with them.' })
  seen: number;

  @Field(() => String, { nullable: true, description: 'Who accepted or declined them; null while a candidate.' })
  decidedBy: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When; null while a candidate.' })
  decidedAt: string | null;
}
