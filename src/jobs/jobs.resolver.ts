import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, Subscription } from '@nestjs/graphql';
import { Inject } from '@nestjs/common';
import { Article } from '../articles/models/article.model.js';
import { APP_CONFIG, type AppConfig } from '../common/config/config.js';
import { badInput } from '../common/errors/error-code.js';
import { pageSize } from '../common/validation.js';
import type { RequestContext } from '../graph/request-context.js';
import { LoadersFactory } from '../graph/loaders.js';
import { IngestArticleInput } from '../ingest/dto/ingest-article.input.js';
import { PUBSUB } from '../live/pubsub.js';
import type { PubSubEngine } from 'graphql-subscriptions';
import { INGEST_PROGRESS, IngestQueue, type IngestProgressEvent } from './ingest-queue.js';
import { batchFinished, BATCH_ID, JobState, parseJobId, type BatchRecord, type JobRecord } from './job-records.js';
import { IngestBatch, IngestJob, IngestProgress } from './models/ingest-job.model.js';

/** Most articles one ingestArticles call may carry. */
export const MAX_BATCH = 500;

const asBatch = (record: BatchRecord): IngestBatch => ({ ...record, finished: batchFinished(record) });

function requireBatchId(id: string): string {
  if (!BATCH_ID.test(id)) throw badInput('id', `"${id.slice(0, 60)}" is not a batch id (b- and hex digits)`);
  return id;
}

@Resolver(() => IngestBatch)
export class JobsResolver {
  constructor(
    private readonly queue: IngestQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PUBSUB) private readonly pubsub: PubSubEngine,
    private readonly loaders: LoadersFactory,
  ) {}

  @Mutation(() => IngestBatch, {
    description:
      'Queues many articles at once as a batch of jobs and answers at once, before any is read: follow it with ingestBatch, ingestJob or the ingestProgress subscription. Each job runs the same pipeline as ingestArticle; a transient failure is retried with back-off, a permanent one fails the job with its coded error. With REDIS_URL the jobs go to BullMQ and any replica runs them. At most 500 articles; a queue that cannot take them all refuses the whole batch with QUEUE_FULL.',
  })
  async ingestArticles(
    @Args('articles', {
      type: () => [IngestArticleInput],
      description: 'The articles, 1 to 500, in the order to read them.',
    })
    articles: IngestArticleInput[],
  ): Promise<IngestBatch> {
    if (articles.length === 0 || articles.length > MAX_BATCH)
      throw badInput('articles', `must hold 1 to ${MAX_BATCH} articles (got ${articles.length})`);
    articles.forEach((a, i) => {
      if (typeof a.text !== 'string' || a.text.trim() === '')
        throw badInput(`articles[${i}].text`, 'must not be empty');
      if (a.text.length > this.config.maxArticleChars)
        throw badInput(
          `articles[${i}].text`,
          `must be at most ${this.config.maxArticleChars} characters (got ${a.text.length})`,
        );
    });
    return asBatch(await this.queue.enqueue(articles));
  }

  @Query(() => IngestBatch, {
    nullable: true,
    description: 'A bulk ingestion and its counts; null when unknown (or forgotten after a week).',
  })
  async ingestBatch(@Args('id', { type: () => ID, description: 'The batch id ingestArticles answered.' }) id: string) {
    const batch = await this.queue.batch(requireBatchId(id));
    return batch ? asBatch(batch) : null;
  }

  @Query(() => IngestJob, { nullable: true, description: 'One job of a bulk ingestion; null when unknown.' })
  ingestJob(@Args('id', { type: () => ID, description: 'The job id ("b-….3").' }) id: string) {
    if (!parseJobId(id)) throw badInput('id', `"${id.slice(0, 60)}" is not a job id (a batch id, a dot, a number)`);
    return this.queue.job(id);
  }

  @ResolveField(() => [IngestJob], {
    description: "The batch's jobs in order, optionally only those in one state (FAILED, say): at most `first`.",
  })
  jobs(
    @Parent() batch: IngestBatch,
    @Args('state', { type: () => JobState, nullable: true, description: 'Only jobs in this state.' })
    state?: JobState | null,
    @Args('first', { type: () => Int, nullable: true, description: 'How many, 1 to 100 (default 100).' })
    first?: number | null,
  ): Promise<JobRecord[]> {
    return this.queue.jobs(batch.id, state ?? null, pageSize('first', first, 100));
  }

  @Subscription(() => IngestProgress, {
    description:
      "Each change in a bulk ingestion (a job queued, started, done, failed or retried), with the batch's counts after it, from every replica.",
    filter: (payload: IngestProgressEvent, variables: { batchId: string }) => payload.batch.id === variables.batchId,
    resolve(this: JobsResolver, payload: IngestProgressEvent, _args: unknown, ctx: RequestContext) {
      ctx.loaders = this.loaders.create();
      return { batch: asBatch(payload.batch), job: payload.job };
    },
  })
  ingestProgress(@Args('batchId', { type: () => ID, description: 'The batch to follow.' }) batchId: string) {
    requireBatchId(batchId);
    return this.pubsub.asyncIterableIterator<IngestProgressEvent>(INGEST_PROGRESS);
  }
}

@Resolver(() => IngestJob)
export class IngestJobResolver {
  @ResolveField(() => Article, { nullable: true, description: 'The article, once DONE; null before.' })
  article(@Parent() job: JobRecord, @Context() ctx: RequestContext) {
    return job.articleId ? ctx.loaders.articles.load(job.articleId) : null;
  }

  @ResolveField(() => Article, {
    nullable: true,
    description: 'The earlier article this one reprints or revises (the same report), when it is one.',
  })
  sameReportAs(@Parent() job: JobRecord, @Context() ctx: RequestContext) {
    return job.sameReportAs ? ctx.loaders.articles.load(job.sameReportAs) : null;
  }
}
