import { shortHash } from '../common/ids.js';

/**
 * Locality-sensitive hashing over MinHash signatures: the signature is cut
 * into bands, and two articles become candidates when any band is equal.
 * With 32 bands of 4 rows, pairs at Jaccard 0.5 collide with probability
 * ~0.88 and pairs at 0.2 with ~0.05, so the index finds reprints and
 * revisions without comparing every article with every other.
 */
export const BANDS = 32;

export function bandKeys(signature: readonly number[], bands: number = BANDS): string[] {
  if (signature.length === 0) return [];
  const rows = Math.max(1, Math.floor(signature.length / bands));
  const keys: string[] = [];
  for (let b = 0; b < bands && b * rows < signature.length; b++) {
    keys.push(`b${b}-${shortHash(signature.slice(b * rows, (b + 1) * rows).join(','))}`);
  }
  return keys;
}
