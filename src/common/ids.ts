import { createHash } from 'node:crypto';

/**
 * Stable, content-derived identifiers: stances and articles are addressed by
 * a hash of what makes them the same fact, so that writing the same fact
 * twice lands on the same node. (Actors and proposals are addressed by the
 * slug of their name: slugify, from the extraction library; an article's text
 * hash is the extractor's too: ExtractionResult.textHash.)
 */
export function shortHash(...parts: Array<string | null | undefined>): string {
  const h = createHash('sha256');
  for (const p of parts) h.update(`${p ?? ''}\u0000`);
  return h.digest('hex').slice(0, 16);
}

/** A stance is one actor's position on one proposal at one time. */
export function stanceId(actorId: string, proposalId: string, position: string, statedOn: string | null): string {
  return `st-${shortHash(actorId, proposalId, position, statedOn)}`;
}

/** Evidence is keyed by its span in the article, or by its quote when no span is known. */
export function evidenceKey(quote: string, charStart: number | null, charEnd: number | null): string {
  return charStart !== null && charEnd !== null ? `${charStart}:${charEnd}` : `q:${shortHash(quote)}`;
}
