import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { badInput, notFound } from '../common/errors/error-code.js';
import { stanceId } from '../common/ids.js';
import { decodeCursor, toConnection, type Connection } from '../common/pagination/connection.js';
import {
  LIMITS,
  optionalIsoDate,
  optionalText,
  pageSize,
  requireId,
  requireText,
  textList,
} from '../common/validation.js';
import type { StanceRow, StanceWrite } from '../graph/stance.row.js';
import { Position, StanceStatus } from '../graph/vocabulary.js';
import { changedMeanwhile, cueKey, optionalVersion } from '../recording/recording.service.js';
import { StanceWriter } from '../recording/stance-writer.js';
import { aliasWordings, type Lesson } from '../recording/wordings.js';
import { markedWords } from '../graph/marks.js';
import type { AmendSource } from '../stances/stances.repository.js';
import { StancesService } from '../stances/stances.service.js';
import type { AmendStanceInput } from './dto/amend-stance.input.js';
import type { ReviewFilter } from './dto/review-filter.input.js';
import {
  BulkDecision,
  CueStatus,
  type Amendment,
  type CueCandidate,
  type DecisionBatch,
  type StanceReading,
} from './models/review.models.js';
import { ReviewRepository, type OthersLive, type ReviewScope } from './review.repository.js';

/** The fields of a reading an amendment may change, in the order they are reported. */
const READING_FIELDS = ['actorId', 'speakerId', 'proposalId', 'position', 'conditions', 'statedOn'] as const;

/** At most this many stances in one bulk decision: narrow the filter for more. */
export const BULK_LIMIT = 1000;

/**
 * The review desk's operations: the queue of stances to decide on, an
 * analyst's amendment of a stance, and bulk decisions with their undo. Every
 * write goes through StanceWriter, so current-stance edges, shift chains and
 * live updates follow in the same transaction.
 */
@Injectable()
export class ReviewService {
  constructor(
    private readonly writer: StanceWriter,
    private readonly stances: StancesService,
    private readonly repository: ReviewRepository,
  ) {}

  /** PROPOSED stances, likeliest mistakes first (cypher/review/queue.cypher); counted only when asked. */
  async queue(
    filter: ReviewFilter | null | undefined,
    first: number | null | undefined,
    after: string | null | undefined,
    withCount: boolean,
  ): Promise<Connection<StanceRow & { sortKey: string }>> {
    const size = pageSize('first', first);
    const cursor = decodeCursor('after', after);
    const { rows, totalCount } = await this.repository.queue(scopeOf(filter), cursor, size, withCount);
    return toConnection(rows, { first: size, after: cursor }, totalCount, (row) => row.sortKey);
  }

  /**
   * Amends a stance as an analyst reads it. When holder, proposal, position
   * or date change, the amended reading is another stance (ids come from
   * those): it is written CONFIRMED with the original's evidence and cue, and
   * the original becomes AMENDED, keeping the extractor's reading. Otherwise
   * the stance itself is corrected and confirmed. Either way an Amendment
   * records who changed which fields when, and the readings before and after.
   */
  async amend(
    id: string,
    input: AmendStanceInput,
    by: string,
    expectedVersion: number | null | undefined,
  ): Promise<StanceRow> {
    const stance = requireId('id', id);
    const expected = optionalVersion(expectedVersion);
    const change = checkedChange(input);
    const note = optionalText('note', input.note, LIMITS.condition);
    const resultId = await this.writer.transaction(async (write) => {
      const from = await write.lockForAmend(stance);
      if (!from) throw notFound('stance', stance);
      if (expected !== null && from.version !== expected) throw changedMeanwhile(stance, from, expected);
      if (from.status === StanceStatus.AMENDED)
        throw badInput('id', `stance "${stance}" was amended into another stance: amend that one`);
      const before = readingOf(from);
      const after: StanceReading = { ...before, ...change };
      if (after.speakerId !== null && after.speakerId === after.actorId)
        throw badInput('speakerId', 'must be a person or body speaking for the actor, not the actor itself');
      const fields = READING_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
      if (fields.length === 0) throw badInput('input', 'changes nothing: give at least one field with a new value');
      const to = amendedWrite(from, after);
      if (to.id !== from.id) {
        // Holder, speaker and proposal must exist; the writer says which does not.
        await write.requireRefs({
          actorIds: [after.actorId, ...(after.speakerId ? [after.speakerId] : [])],
          proposalIds: [after.proposalId],
        });
      } else if (after.speakerId !== null) {
        await write.requireRefs({ actorIds: [after.speakerId], proposalIds: [] });
      }
      const others = await this.repository.othersLive(write.tx, from);
      const taught = await write.teach(lessonsOf(from, after, others));
      await write.amend(from, to, {
        amendmentId: randomUUID(),
        fields,
        before: JSON.stringify(before),
        after: JSON.stringify(after),
        note,
        by,
        taught,
      });
      return to.id;
    });
    return this.stances.get(resultId);
  }

  /** The amendments that made or changed each stance, oldest first. */
  async amendmentsOf(stanceIds: readonly string[]): Promise<Map<string, Amendment[]>> {
    const rows = await this.repository.amendments(stanceIds);
    const out = new Map<string, Amendment[]>(stanceIds.map((id) => [id, []]));
    for (const r of rows) {
      out.get(r.stanceId)?.push({
        id: r.id,
        by: r.by,
        at: r.at,
        fields: r.fields,
        before: JSON.parse(r.before) as StanceReading,
        after: JSON.parse(r.after) as StanceReading,
        note: r.note,
        taught: r.taught,
        fromStanceId: r.fromId,
        toStanceId: r.toId,
      });
    }
    return out;
  }

  /** Cues analysts used that the lexicon lacked, most used first. */
  cueCandidates(status: CueStatus | null | undefined, first: number | null | undefined): Promise<CueCandidate[]> {
    return this.repository.cueCandidates(status ?? null, pageSize('first', first)) as Promise<CueCandidate[]>;
  }

  /** Accepts a candidate cue into the extractor's lexicon, or declines it (taking an acceptance back). */
  async decideCue(words: string, position: Position, accept: boolean, by: string): Promise<CueCandidate> {
    const text = requireText('words', words, LIMITS.cue);
    const status = accept ? CueStatus.ACCEPTED : CueStatus.DECLINED;
    const row = await this.writer.transaction((write) => write.decideCue(cueKey(text, position), status, by));
    if (!row) throw notFound('cue candidate', `${text} (${position})`);
    return row as CueCandidate;
  }

  /** Confirms or rejects every PROPOSED stance the filter matches (at most BULK_LIMIT), as one batch. */
  async decideAll(filter: ReviewFilter | null | undefined, decision: BulkDecision, by: string): Promise<DecisionBatch> {
    const scope = scopeOf(filter);
    if (Object.values(scope).every((v) => v === null))
      throw badInput(
        'filter',
        'name a proposal, an actor, an outlet or an article: a bulk decision on everything is refused',
      );
    const status = decision === BulkDecision.CONFIRM ? StanceStatus.CONFIRMED : StanceStatus.REJECTED;
    const batchId = randomUUID();
    const stanceIds = await this.writer.transaction((write) =>
      write.decideBatch({ batchId, status, by, max: BULK_LIMIT, ...scope }),
    );
    return { id: batchId, status, by, count: stanceIds.length, stanceIds, undoneAt: null, kept: 0 };
  }

  /** Puts the stances a batch decided back to PROPOSED, except those someone changed since. */
  async undo(batchId: string, by: string): Promise<DecisionBatch> {
    const id = requireId('batchId', batchId);
    const undone = await this.writer.transaction(async (write) => {
      const result = await write.undoBatch(id, by);
      if (!result) throw notFound('decision batch', id);
      return result;
    });
    return {
      id: undone.id,
      status: undone.status,
      by: undone.by,
      count: undone.count,
      stanceIds: undone.undone.map((u) => u.stanceId),
      undoneAt: undone.undoneAt,
      kept: undone.kept,
    };
  }
}

function scopeOf(filter: ReviewFilter | null | undefined): ReviewScope {
  return {
    proposalId: filter?.proposalId == null ? null : requireId('filter.proposalId', filter.proposalId),
    actorId: filter?.actorId == null ? null : requireId('filter.actorId', filter.actorId),
    outlet: optionalText('filter.outlet', filter?.outlet, LIMITS.name),
    articleId: filter?.articleId == null ? null : requireId('filter.articleId', filter.articleId),
  };
}

/** The fields an amendment gives, validated; omitted fields are absent, explicit nulls kept where allowed. */
function checkedChange(input: AmendStanceInput): Partial<StanceReading> {
  const change: Partial<StanceReading> = {};
  if (input.actorId != null) change.actorId = requireId('actorId', input.actorId);
  if (input.proposalId != null) change.proposalId = requireId('proposalId', input.proposalId);
  if (input.position != null) change.position = input.position;
  if (input.speakerId !== undefined)
    change.speakerId = input.speakerId === null ? null : requireId('speakerId', input.speakerId);
  if (input.statedOn !== undefined) change.statedOn = optionalIsoDate('statedOn', input.statedOn);
  if (input.conditions != null)
    change.conditions = textList('conditions', input.conditions, LIMITS.conditions, LIMITS.condition) ?? [];
  return change;
}

/**
 * What an amendment teaches the extractor. A node the extractor made up
 * (source 'extracted') that an analyst has moved every stance off is, in the
 * analyst's reading, the node they moved them to: its name and the words the
 * article used for it (the proposal, holder or speaker marks of the evidence,
 * but not bare back-references such as "the deal") become aliases of that
 * node, and it leaves the gazetteer. While another stance still stands on
 * it, it is a different thing the extractor read this stance onto by
 * mistake ("Sweden's NATO membership" for Finland's bid): its words belong
 * to it and teach nothing. A real node read wrongly teaches nothing either.
 */
export function lessonsOf(from: AmendSource, after: StanceReading, others: OthersLive): Lesson[] {
  const lessons: Lesson[] = [];
  const words = (kind: string) => markedWords(from.evidence, kind);
  if (after.proposalId !== from.proposalId && from.proposalSource === 'extracted' && others.onProposal === 0) {
    const aliases = aliasWordings([from.proposalName, ...words('proposal')]);
    if (aliases.length > 0) lessons.push({ kind: 'proposal', id: after.proposalId, aliases, except: from.proposalId });
  }
  if (after.actorId !== from.actorId && from.actorSource === 'extracted' && others.heldByActor === 0) {
    const aliases = aliasWordings(words('holder'));
    if (aliases.length > 0) lessons.push({ kind: 'actor', id: after.actorId, aliases, except: from.actorId });
  }
  if (
    after.speakerId &&
    from.speakerId &&
    after.speakerId !== from.speakerId &&
    from.speakerSource === 'extracted' &&
    others.voicedBySpeaker === 0
  ) {
    const aliases = aliasWordings(words('speaker'));
    if (aliases.length > 0) lessons.push({ kind: 'actor', id: after.speakerId, aliases, except: from.speakerId });
  }
  return lessons;
}

function readingOf(s: AmendSource): StanceReading {
  return {
    actorId: s.actorId,
    speakerId: s.speakerId,
    proposalId: s.proposalId,
    position: s.position,
    conditions: s.conditions,
    statedOn: s.statedOn,
  };
}

/** The amended reading as an analyst's stance: CONFIRMED, sure, with the original's cue and evidence. */
function amendedWrite(from: AmendSource, r: StanceReading): StanceWrite {
  return {
    id: stanceId(r.actorId, r.proposalId, r.position, r.statedOn),
    actorId: r.actorId,
    proposalId: r.proposalId,
    position: r.position,
    cue: from.cue,
    conditions: r.conditions,
    speakerId: r.speakerId,
    statedOn: r.statedOn,
    confidence: 1,
    status: StanceStatus.CONFIRMED,
    rule: null,
    override: true,
    evidence: from.evidence,
  };
}
