import { Injectable } from '@nestjs/common';
import { ArticlesService } from '../articles/articles.service.js';
import { badInput, conflict, DomainError, notFound } from '../common/errors/error-code.js';
import { evidenceKey, stanceId } from '../common/ids.js';
import { LIMITS, optionalIsoDate, optionalText, requireId, requireText, textList } from '../common/validation.js';
import type { ArticleWrite } from '../graph/article.row.js';
import type { StanceRow, StanceWrite } from '../graph/stance.row.js';
import { StanceStatus } from '../graph/vocabulary.js';
import { RecordStanceInput, type MarkInput } from '../stances/dto/record-stance.input.js';
import { StancesService } from '../stances/stances.service.js';
import { StanceWriter } from './stance-writer.js';
import { aliasWordings, type Lesson } from './wordings.js';
import { markedWords } from '../graph/marks.js';
import { isKnownCue } from '../extraction/index.js';

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

  /**
   * An analyst's stance. When its cue is words the extractor's lexicon does
   * not read as a cue, the cue becomes a candidate for the lexicon
   * (cueCandidates), for an analyst to accept.
   */
  async record(input: RecordStanceInput): Promise<StanceRow> {
    return (await this.recordAndTeach(input)).stance;
  }

  /**
   * record, and what it taught: the words the analyst marked as the
   * proposal, the holder or the speaker become aliases of the proposal or
   * actor recorded, unless they already name another node ('proposal <id>:
   * <alias>', as an amendment's taught).
   */
  async recordAndTeach(input: RecordStanceInput): Promise<{ stance: StanceRow; taught: string[] }> {
    const { stance, articles } = this.prepare(input);
    const cue = stance.cue && !isKnownCue(stance.cue) ? stance.cue.replace(/\s+/g, ' ').trim() : null;
    const taught: string[] = [];
    await this.writer.transaction(async (write) => {
      await write.upsertArticles(articles);
      await write.writeStances([stance]);
      if (cue)
        await write.noteCue({
          key: cueKey(cue, stance.position),
          words: cue,
          position: stance.position,
          stanceId: stance.id,
        });
      taught.push(...(await write.teach(lessonsOfMarks(stance))));
    });
    return { stance: await this.stances.get(stance.id), taught };
  }

  /**
   * A review decision (CONFIRMED, REJECTED, RETRACTED): the pair's current
   * edge and chain follow in the same transaction. With expectedVersion, a
   * stance someone else has changed since is refused with CONFLICT; a
   * decision the stance already carries changes nothing.
   */
  async setStatus(id: string, status: StanceStatus, by: string, expectedVersion?: number | null): Promise<StanceRow> {
    const stance = requireId('id', id);
    const expected = optionalVersion(expectedVersion);
    await this.writer.transaction(async (write) => {
      const decision = await write.setStatus(stance, status, { expectedVersion: expected, from: DECIDABLE, by });
      if (!decision) throw notFound('stance', stance);
      if (decision.outcome === 'conflict') throw changedMeanwhile(stance, decision, expected);
      if (decision.outcome === 'refused')
        throw badInput('id', `stance "${stance}" was amended into another stance: decide on that one`);
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

/** How a candidate cue is keyed: its words in lower case, and the position it carries. */
export function cueKey(words: string, position: string): string {
  return `${words.replace(/\s+/g, ' ').trim().toLowerCase()}|${position}`;
}

/** The statuses a decision may move a stance from: any but AMENDED (its amendment is the stance to decide on). */
const DECIDABLE = [StanceStatus.PROPOSED, StanceStatus.CONFIRMED, StanceStatus.REJECTED, StanceStatus.RETRACTED];

/** The version a client says it saw, checked: a whole number from 0, or null when not given. */
export function optionalVersion(value: number | null | undefined, field = 'expectedVersion'): number | null {
  if (value === null || value === undefined) return null;
  if (!Number.isInteger(value) || value < 0) throw badInput(field, 'must be a whole number from 0');
  return value;
}

/** CONFLICT: the stance is no longer at the version the analyst saw. */
export function changedMeanwhile(
  id: string,
  now: { version: number; status: StanceStatus },
  seen: number | null,
): DomainError {
  return conflict(
    `stance "${id}" was changed by someone else meanwhile (now version ${now.version}, ${now.status}; you saw version ${seen}): reload it and decide again`,
  );
}

function evidenceWrite(
  field: string,
  e: { quote: string; charStart?: number | null; charEnd?: number | null; marks?: MarkInput[] | null },
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
  const written = { key: evidenceKey(quote, charStart, charEnd), quote, charStart, charEnd, articleId };
  if (!e.marks?.length) return written;
  if (charStart === null || charEnd === null)
    throw badInput(`${field}.marks`, "need the quote's charStart and charEnd");
  if (e.marks.length > LIMITS.marks) throw badInput(`${field}.marks`, `must have at most ${LIMITS.marks} entries`);
  const marks = e.marks.map((m, i) => {
    const ok = Number.isInteger(m.charStart) && Number.isInteger(m.charEnd) && m.charEnd > m.charStart;
    if (!ok || m.charStart < charStart || m.charEnd > charEnd || m.charEnd - charStart > quote.length)
      throw badInput(`${field}.marks[${i}]`, 'must lie within the quote, charEnd greater than charStart');
    return `${m.kind.toLowerCase()}:${m.charStart}:${m.charEnd}`;
  });
  return { ...written, marks };
}

/** What the words an analyst marked teach: the proposal's and holder's (and speaker's) wordings, as aliases. */
function lessonsOfMarks(stance: StanceWrite): Lesson[] {
  const names = (kind: string) => aliasWordings(markedWords(stance.evidence, kind));
  const lessons: Lesson[] = [
    { kind: 'proposal', id: stance.proposalId, aliases: names('proposal'), except: null },
    { kind: 'actor', id: stance.actorId, aliases: names('holder'), except: null },
    ...(stance.speakerId
      ? [{ kind: 'actor' as const, id: stance.speakerId, aliases: names('speaker'), except: null }]
      : []),
  ];
  return lessons.filter((l) => l.aliases.length > 0);
}

function dedupeArticles(articles: ArticleWrite[]): ArticleWrite[] {
  const byId = new Map<string, ArticleWrite>();
  for (const a of articles) byId.set(a.id, { ...byId.get(a.id), ...a });
  return [...byId.values()];
}
