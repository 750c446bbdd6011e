import { Injectable } from '@nestjs/common';
import { ArticlesService } from '../articles/articles.service.js';
import { badInput, notFound } from '../common/errors/error-code.js';
import { evidenceKey, stanceId } from '../common/ids.js';
import { LIMITS, optionalIsoDate, optionalText, requireId, requireText, textList } from '../common/validation.js';
import type { ArticleWrite } from '../graph/article.row.js';
import type { StanceRow, StanceWrite } from '../graph/stance.row.js';
import { StanceStatus } from '../graph/vocabulary.js';
import { RecordStanceInput } from '../stances/dto/record-stance.input.js';
import { StancesService } from '../stances/stances.service.js';
import { StanceWriter } from './stance-writer.js';

/** Stances and the articles that back them, written together in one transaction. */
export interface StanceBatch {
  articles: ArticleWrite[];
  stances: StanceWrite[];
}

/** An analyst records a stance or decides on one: validation here, the write through StanceWriter. */
@Injectable()
export class RecordingService {
  constructor(
    private readonly writer: StanceWriter,
    private readonly articles: ArticlesService,
    private readonly stances: StancesService,
  ) {}

  async record(input: RecordStanceInput): Promise<StanceRow> {
    const { stance, articles } = this.prepare(input);
    await this.writer.transaction(async (write) => {
      await write.upsertArticles(articles);
      await write.writeStances([stance]);
    });
    return this.stances.get(stance.id);
  }

  /** A review decision (CONFIRMED, REJECTED, RETRACTED): the pair's current edge and chain follow in the same transaction. */
  async setStatus(id: string, status: StanceStatus): Promise<StanceRow> {
    const stance = requireId('id', id);
    await this.writer.transaction(async (write) => {
      if (!(await write.setStatus(stance, status))) throw notFound('stance', stance);
    });
    return this.stances.get(stance);
  }

  /** Validates an analyst's stance and its evidence into rows for writeBatch (nothing is written). */
  prepare(input: RecordStanceInput): StanceBatch & { stance: StanceWrite } {
    const stance = this.toWrite(input);
    const articles = (input.evidence ?? []).map((e, i) => this.articles.toWrite(`evidence[${i}].article`, e.article));
    stance.evidence = (input.evidence ?? []).map((e, i) => evidenceWrite(`evidence[${i}]`, e, articles[i].id));
    return { stance, stances: [stance], articles: dedupeArticles(articles) };
  }

  private toWrite(input: RecordStanceInput): StanceWrite {
    const actorId = requireId('actorId', input.actorId);
    const proposalId = requireId('proposalId', input.proposalId);
    const statedOn = optionalIsoDate('statedOn', input.statedOn);
    const confidence = input.confidence ?? 1;
    if (!(confidence >= 0 && confidence <= 1)) throw badInput('confidence', 'must be between 0 and 1');
    if ((input.evidence?.length ?? 0) > LIMITS.evidence)
      throw badInput('evidence', `must have at most ${LIMITS.evidence} entries`);
    const speakerId = input.speakerId == null ? null : requireId('speakerId', input.speakerId);
    if (speakerId === actorId)
      throw badInput('speakerId', 'must be a person or body speaking for the actor, not the actor itself');
    return {
      id: stanceId(actorId, proposalId, input.position, statedOn),
      actorId,
      proposalId,
      position: input.position,
      cue: optionalText('cue', input.cue, LIMITS.cue),
      conditions: textList('conditions', input.conditions, LIMITS.conditions, LIMITS.condition) ?? [],
      speakerId,
      statedOn,
      confidence,
      status: StanceStatus.CONFIRMED,
      rule: null,
      override: true,
      evidence: [],
    };
  }
}

function evidenceWrite(
  field: string,
  e: { quote: string; charStart?: number | null; charEnd?: number | null },
  articleId: string,
): StanceWrite['evidence'][number] {
  const quote = requireText(`${field}.quote`, e.quote, LIMITS.quote);
  const charStart = e.charStart ?? null;
  const charEnd = e.charEnd ?? null;
  if ((charStart === null) !== (charEnd === null))
    throw badInput(`${field}.charEnd`, 'give both charStart and charEnd, or neither');
  if (charStart !== null && charEnd !== null && (charStart < 0 || charEnd <= charStart)) {
    throw badInput(`${field}.charEnd`, 'must be greater than charStart, and charStart at least 0');
  }
  return { key: evidenceKey(quote, charStart, charEnd), quote, charStart, charEnd, articleId };
}

function dedupeArticles(articles: ArticleWrite[]): ArticleWrite[] {
  const byId = new Map<string, ArticleWrite>();
  for (const a of articles) byId.set(a.id, { ...byId.get(a.id), ...a });
  return [...byId.values()];
}
