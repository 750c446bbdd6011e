import { createHash } from 'node:crypto';

/**
 * Stable, content-derived identifiers. Actors and proposals are addressed by a
 * slug of their canonical name ("South Korea" -> "south-korea"); stances and
 * articles by a hash of what makes them the same fact, so that writing the
 * same fact twice lands on the same node.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function shortHash(...parts: Array<string | null | undefined>): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(`${p ?? ''}\u0000`);
  return h.digest('hex').slice(0, 16);
}

/** A stance is one actor's position on one proposal at one time. */
export function stanceId(actorId: string, proposalId: string, position: string, statedOn: string | null): string {
  return `st-${shortHash(actorId, proposalId, position, statedOn)}`;
}

/** Exact identity of an article: the hash of its normalised text. */
export function textHash(normalizedText: string): string {
  return createHash('sha256').update(normalizedText).digest('hex');
}

/** Evidence is keyed by its span in the article, or by its quote when no span is known. */
export function evidenceKey(quote: string, charStart: number | null, charEnd: number | null): string {
  return charStart !== null && charEnd !== null ? `${charStart}:${charEnd}` : `q:${shortHash(quote)}`;
}
