/**
 * The graph's closed vocabularies, as plain TypeScript: the row types, the
 * Cypher parameters and the GraphQL enums (registered by the features that
 * show them: stances/models, actors/models, shifts/shift-kind) all use these.
 */

export enum ActorKind {
  STATE = 'STATE',
  PERSON = 'PERSON',
  ORGANIZATION = 'ORGANIZATION',
}

export enum Position {
  SUPPORT = 'SUPPORT',
  OPPOSE = 'OPPOSE',
  NONCOMMITTAL = 'NONCOMMITTAL',
}

export enum StanceStatus {
  PROPOSED = 'PROPOSED',
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
  RETRACTED = 'RETRACTED',
  /** Replaced by an analyst's amendment (the stance it became); kept as the extractor read it. */
  AMENDED = 'AMENDED',
}

/**
 * The statuses of a stance that counts: current-stance edges, timelines,
 * shifts, alignment and exports read only these. Every Cypher statement
 * that needs them takes them as the parameter `$liveStatuses`.
 */
export const LIVE_STATUSES: readonly StanceStatus[] = [StanceStatus.PROPOSED, StanceStatus.CONFIRMED];

/** How a stance moved from the same actor's previous live stance on the same proposal (shifts/shift-kind.ts). */
export enum ShiftKind {
  FIRST_STATED = 'FIRST_STATED',
  REAFFIRMED = 'REAFFIRMED',
  SOFTENED = 'SOFTENED',
  HARDENED = 'HARDENED',
  REVERSED = 'REVERSED',
  REQUALIFIED = 'REQUALIFIED',
}

/** The extraction fields of an actor or proposal write that an analyst's (authoritative) row leaves empty. */
export const ANALYST_ROW = {
  authoritative: true,
  source: 'analyst',
  confidence: null,
  isNew: false,
  articleId: null,
  quote: null,
  charStart: null,
  charEnd: null,
} as const;
