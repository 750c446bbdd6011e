import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { DateTimeScalar } from '../../common/scalars/date-scalars.js';
import { JobState } from '../job-records.js';

registerEnumType(JobState, {
  name: 'IngestJobState',
  description: 'Where one article of a bulk ingestion is.',
  valuesMap: {
    QUEUED: { description: 'Waiting for a worker (again, after a transient failure: see `error`).' },
    RUNNING: { description: 'Being read and written by a worker.' },
    DONE: { description: 'Ingested (or found already ingested): see `article`.' },
    FAILED: { description: 'Given up: a permanent error, or a transient one after the last try. See `error`.' },
  },
});

@ObjectType({ description: "A job's error: a stable code and a message for people." })
export class IngestJobError {
  @Field({ description: 'The stable code (BAD_USER_INPUT, EXTRACTION_TIMEOUT, SERVICE_UNAVAILABLE, ...).' })
  code: string;

  @Field({ description: 'What went wrong, for people.' })
  message: string;
}

@ObjectType({ description: 'One article of a bulk ingestion (ingestArticles), as a job on the ingest queue.' })
export class IngestJob {
  @Field(() => ID, { description: 'The job: its batch id and its place in the batch ("b-….3").' })
  id: string;

  @Field(() => ID, { description: 'The batch it belongs to.' })
  batchId: string;

  @Field(() => Int, { description: 'Its place in the batch, from 0, in the order the articles were sent.' })
  index: number;

  @Field(() => JobState, { description: 'Queued, running, done or failed.' })
  state: JobState;

  @Field(() => Int, { description: 'Tries started so far (a transient failure is retried with back-off).' })
  attempts: number;

  @Field({ description: 'What a person recognises the article by: its title, url or first words.' })
  label: string;

  articleId: string | null;

  @Field(() => Int, {
    name: 'stanceCount',
    nullable: true,
    description: 'How many stances the graph holds from it, once DONE; null before.',
  })
  stances: number | null;

  @Field(() => Int, { nullable: true, description: 'Actors the article added to the graph, once DONE.' })
  newActors: number | null;

  @Field(() => Int, { nullable: true, description: 'Proposals the article added to the graph, once DONE.' })
  newProposals: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True when the same text had been ingested before (nothing changed).',
  })
  duplicate: boolean | null;

  sameReportAs: string | null;

  @Field(() => IngestJobError, {
    nullable: true,
    description: "The last try's error: final when FAILED, the reason for the retry when QUEUED again; null otherwise.",
  })
  error: IngestJobError | null;

  @Field(() => DateTimeScalar, { description: 'When it was queued (UTC).' })
  queuedAt: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it ended, DONE or FAILED (UTC); null before.' })
  finishedAt: string | null;
}

@ObjectType({
  description: 'A bulk ingestion: the articles of one ingestArticles call (or `npm run ingest`), as jobs.',
})
export class IngestBatch {
  @Field(() => ID, { description: 'The batch ("b-" and 20 hex digits).' })
  id: string;

  @Field(() => Int, { description: 'Articles in the batch.' })
  total: number;

  @Field(() => Int, { description: 'Jobs waiting for a worker (retries included).' })
  queued: number;

  @Field(() => Int, { description: 'Jobs being read now.' })
  running: number;

  @Field(() => Int, { description: 'Jobs done.' })
  done: number;

  @Field(() => Int, { description: 'Jobs given up (see each failed job’s error).' })
  failed: number;

  @Field({ description: 'True when every job is done or failed.' })
  finished: boolean;

  @Field(() => DateTimeScalar, { description: 'When it was queued (UTC).' })
  createdAt: string;
}

@ObjectType({ description: 'A change in a bulk ingestion: the batch as it now is, and the job that changed.' })
export class IngestProgress {
  @Field(() => IngestBatch, { description: 'The batch, with its counts after the change.' })
  batch: IngestBatch;

  @Field(() => IngestJob, {
    nullable: true,
    description: 'The job that changed; null for the event that files the batch.',
  })
  job: IngestJob | null;
}
