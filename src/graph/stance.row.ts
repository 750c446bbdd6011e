import type { KeyedPage } from '../common/pagination/connection.js';
import type { ActorRow } from './actor.row.js';
import type { ArticleRow } from './article.row.js';
import type { ProposalRow } from './proposal.row.js';
import type { Position, StanceStatus } from './vocabulary.js';

/**
 * A stance as every Cypher statement returns it. The columns are the ones
 * src/graph/projections.spec.ts holds every .cypher file to: a
 * statement that returns stances returns exactly these (and may carry the
 * references of StanceWithRefs besides).
 */
export interface StanceRow {
  id: string;
  position: Position;
  cue: string | null;
  cues: string[];
  conditions: string[];
  statedOn: string | null;
  effectiveOn: string | null;
  confidence: number;
  recordedAt: string;
  status: StanceStatus;
  rule: string | null;
  /** Counts analysts' changes (decisions, amendments); a decision sent with another version is refused with CONFLICT. */
  version: number;
  actorId: string;
  proposalId: string;
  speakerId: string | null;
}

/** The column names of StanceRow, in the order the Cypher files return them. */
export const STANCE_COLUMNS = [
  'id',
  'position',
  'cue',
  'cues',
  'conditions',
  'statedOn',
  'effectiveOn',
  'confidence',
  'recordedAt',
  'status',
  'rule',
  'version',
  'actorId',
  'proposalId',
  'speakerId',
] as const satisfies ReadonlyArray<keyof StanceRow>;

export interface EvidenceRow {
  stanceId: string;
  quote: string;
  charStart: number | null;
  charEnd: number | null;
  articleId: string;
  reportId: string;
  /** Where the stance's parts are written, as 'kind:charStart:charEnd' (ingested evidence; absent otherwise). */
  marks?: string[] | null;
}

/**
 * A stance row with what a read-ahead statement brought along
 * (proposals/current-view, actors/timeline-view): its holder, speaker and
 * proposal, and its evidence with the articles (null: not read). The
 * request's loaders cache them (graph/loaders.ts).
 */
export interface StanceWithRefs extends StanceRow {
  actor?: ActorRow | null;
  speaker?: ActorRow | null;
  proposal?: ProposalRow | null;
  evidence?: Array<EvidenceRow & { article: ArticleRow }> | null;
  /** Independent sources (reports), when read without the evidence. */
  sourceCount?: number | null;
}

/** A page of stances (one parent's, in the order of its keyset cursor), as the paged Cypher files return it. */
export type StancePage = KeyedPage<StanceWithRefs>;

/** A stance to write (cypher/stances/record.cypher), from an analyst, extraction or the demo graph. */
export interface StanceWrite {
  id: string;
  actorId: string;
  proposalId: string;
  position: Position;
  cue: string | null;
  conditions: string[];
  speakerId: string | null;
  statedOn: string | null;
  confidence: number;
  status: StanceStatus;
  rule: string | null;
  /** Extracted: the features its confidence was estimated from (extraction's confidence model). */
  features?: number[] | null;
  /** true: an analyst's record, which replaces status, cue, conditions, confidence. */
  override: boolean;
  evidence: Array<{
    key: string;
    quote: string;
    charStart: number | null;
    charEnd: number | null;
    articleId: string;
    /** Extracted evidence: where the stance's parts are written, as 'kind:charStart:charEnd'. */
    marks?: string[];
  }>;
}

/** An (actor, proposal) pair: the unit of current-stance edges and SUPERSEDES chains. */
export interface Pair {
  actorId: string;
  proposalId: string;
}
