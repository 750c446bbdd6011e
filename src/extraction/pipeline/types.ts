/**
 * Types shared by the extraction pipeline and its callers (the article
 * writer, the quality scorer). The pipeline is pure: text in, these out.
 * All character offsets refer to the NORMALISED body text (see normalise.ts),
 * which is also what the article's text hash is computed from.
 */
import type { ConfidenceModel } from './confidence.js';
import type { ParsedDocument } from './parse.js';

export type Position = 'SUPPORT' | 'OPPOSE' | 'NONCOMMITTAL';
export type ActorKind = 'STATE' | 'PERSON' | 'ORGANIZATION';

export interface ArticleInput {
  text: string;
  /**
   * A parse of the article's body (articleBody(input)) by a parser server,
   * when one ran: the stance steps then read holders, targets and conditions
   * off its dependency graph before falling back to surface patterns. A parse
   * of another text is ignored.
   */
  parse?: ParsedDocument | null;
  url?: string | null;
  outlet?: string | null;
  title?: string | null;
  /** 'YYYY-MM-DD' or 'YYYY-MM'; when absent an inline header may supply it. */
  publishedOn?: string | null;
}

export interface KnownActor {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  representsId?: string | null;
  role?: string | null;
}

export interface KnownProposal {
  id: string;
  name: string;
  aliases: string[];
  /**
   * When it was put forward or first reported (ISO date, or a year-month):
   * a text put forward once (a draft, a proposal) is not another article's
   * much later text of the same words. Unknown: no such limit.
   */
  introducedOn?: string | null;
}

export interface Span {
  quote: string;
  charStart: number;
  charEnd: number;
  /** Index of the revision (see ExtractionResult.revisions) the span lies in. */
  revision: number;
}

export interface ExtractedActor {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
  representsId: string | null;
  role: string | null;
  isNew: boolean;
  confidence: number;
  evidence: Span | null;
}

export interface ExtractedProposal {
  id: string;
  name: string;
  aliases: string[];
  /** The actor (usually a state) the proposal is attributed to. */
  proposedById: string | null;
  /** The person who put it forward, when the text names one. */
  proposerId: string | null;
  proposedOn: string | null;
  isNew: boolean;
  confidence: number;
  evidence: Span | null;
  /** Every place the article names or refers back to it ("the deal"), in text order: what linking decided. */
  mentions: Array<{ charStart: number; charEnd: number; kind: 'intro' | 'name' | 'anaphor' }>;
}

/** Where one part of a stance is written: the holder, speaker, cue, proposal, a condition or the date. */
export interface Mark {
  kind: 'holder' | 'speaker' | 'cue' | 'proposal' | 'condition' | 'date';
  charStart: number;
  charEnd: number;
}

export interface ExtractedStance {
  actorId: string;
  proposalId: string;
  position: Position;
  cue: string;
  conditions: string[];
  speakerId: string | null;
  statedOn: string | null;
  confidence: number;
  /** Name of the pattern that fired, for explainability. */
  rule: string;
  evidence: Span[];
  /** Where its parts are written, inside its evidence (marks.ts). */
  marks: Mark[];
  /** What its confidence was estimated from (confidence.ts FEATURES' order); absent: the rules' own figure. */
  features?: number[];
}

export interface ArticleMetadata {
  url: string | null;
  outlet: string | null;
  title: string | null;
  publishedOn: string | null;
}

export interface ExtractionResult {
  /** Normalised body (the inline header, if any, removed). */
  text: string;
  textHash: string;
  metadata: ArticleMetadata;
  /** MinHash signature of the body's word shingles. */
  signature: number[];
  revisions: Array<{ start: number; end: number }>;
  actors: ExtractedActor[];
  proposals: ExtractedProposal[];
  stances: ExtractedStance[];
  /** The parser whose analysis the stance steps read ('corenlp 4.5.10'), or null: surface patterns alone. */
  parser: string | null;
}

/** Analysts' decisions on what one rule read with one cue (lower case): how often confirmed, how often rejected. */
export interface RuleFeedback {
  rule: string;
  cue: string;
  confirmed: number;
  rejected: number;
}

export interface KnownEntities {
  actors: KnownActor[];
  proposals: KnownProposal[];
  /** Analysts' decisions on earlier readings (feedback.ts); none: confidences as the rules give them. */
  feedback?: RuleFeedback[];
  /** Cues analysts added and accepted, beside the lexicon's (stance-cues.json). */
  cues?: Array<{ words: string; position: Position }>;
  /** The confidence model refitted with analysts' decisions (confidence.ts); absent: the kept one. */
  model?: ConfidenceModel;
}
