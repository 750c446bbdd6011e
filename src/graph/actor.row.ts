import type { ActorKind } from './vocabulary.js';

/** An actor as every Cypher statement returns it: `a {.id, .name, .kind, aliases: coalesce(a.aliases, [])}`. */
export interface ActorRow {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
}

/** The column names of ActorRow (src/graph/projections.spec.ts holds the Cypher files to them). */
export const ACTOR_COLUMNS = ['id', 'name', 'kind', 'aliases'] as const satisfies ReadonlyArray<keyof ActorRow>;

/**
 * Where an actor the actor query returns carries the page of its timeline it
 * read ahead (lookahead.ts): the stances field under it answers from that
 * (graphql/embedded-fields.ts) instead of calling its resolver. A symbol: no
 * column or GraphQL field can collide with it.
 */
export const READ_AHEAD_STANCES = Symbol('Actor.stances read ahead');

/** A person or body speaking for a state, with the role they hold. */
export interface RepresentationRow {
  actorId: string;
  state: ActorRow;
  role: string | null;
}

/** An actor to write (cypher/actors/upsert.cypher), from an analyst or from extraction. */
export interface ActorWrite {
  id: string;
  name: string;
  kind: ActorKind;
  /** null: keep the aliases already stored; a list replaces them (authoritative) or is added (extraction). */
  aliases: string[] | null;
  nameKeys: string[];
  representsId: string | null;
  role: string | null;
  /** true: an analyst's row (name, kind, role and given aliases replace); false: extraction's (only adds). */
  authoritative: boolean;
  /** Where a new node came from: 'analyst', 'extracted', 'demo'. */
  source: string;
  /** Extraction's confidence in a new node (null for an analyst's). */
  confidence: number | null;
  /** Extraction: whether the node is new, and the article and quote that introduced it. */
  isNew: boolean;
  articleId: string | null;
  quote: string | null;
  charStart: number | null;
  charEnd: number | null;
}
