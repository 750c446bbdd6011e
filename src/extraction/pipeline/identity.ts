/**
 * Article identity: exact (sha256 of the normalised body), near-duplicate
 * (MinHash over word shingles: a reprint of the same wire story in another
 * outlet), and revisions inside one text (the same story twice, edited).
 */
import { createHash } from 'node:crypto';

export const SHINGLE_SIZE = 3;
export const NUM_PERMUTATIONS = 128;
/** Jaccard similarity at or above which two texts carry the same report. */
export const NEAR_DUPLICATE_THRESHOLD = 0.5;

/** Exact identity of an article: the sha256 of its normalised body (hex). */
export function exactIdentity(normalisedBody: string): string {
  return createHash('sha256').update(normalisedBody).digest('hex');
}

const WORD_RE = /[\p{L}\p{N}]+/gu;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Deterministic permutations (a fixed LCG, never Math.random): x -> a*x + b
 * mod 2^32 with odd a, applied to the already well-mixed shingle hash.
 */
const MUL = new Uint32Array(NUM_PERMUTATIONS);
const ADD = new Uint32Array(NUM_PERMUTATIONS);
{
  let x = 0x9e3779b9;
  const next = (): number => (x = (Math.imul(x, 1664525) + 1013904223) >>> 0);
  for (let i = 0; i < NUM_PERMUTATIONS; i++) {
    MUL[i] = (next() | 1) >>> 0;
    ADD[i] = next();
  }
}

/** Hashes of the distinct word k-shingles of a text (lower case, punctuation ignored). */
export function shingles(text: string, k = SHINGLE_SIZE): Uint32Array {
  const words = text.toLowerCase().match(WORD_RE) ?? [];
  const wh = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) wh[i] = fnv1a(words[i]);
  const set = new Set<number>();
  if (words.length < k) {
    if (words.length) {
      let h = 0;
      for (let i = 0; i < wh.length; i++) h = fmix32((Math.imul(h, 0x9e3779b1) ^ wh[i]) >>> 0);
      set.add(h);
    }
  } else {
    // combine the word hashes in order; no shingle strings are built
    for (let i = 0; i + k <= words.length; i++) {
      let h = wh[i];
      for (let j = 1; j < k; j++) h = fmix32((Math.imul(h, 0x9e3779b1) ^ wh[i + j]) >>> 0);
      set.add(h);
    }
  }
  return Uint32Array.from(set);
}

export function minhash(shingleHashes: Uint32Array, permutations = NUM_PERMUTATIONS): number[] {
  const mins = new Uint32Array(permutations).fill(0xffffffff);
  minhashInto(shingleHashes, mins);
  return Array.from(mins);
}

function minhashInto(shingleHashes: Uint32Array, mins: Uint32Array): void {
  const permutations = mins.length;
  for (let i = 0; i < shingleHashes.length; i++) {
    const x = shingleHashes[i];
    for (let p = 0; p < permutations; p++) {
      const v = (Math.imul(x, MUL[p]) + ADD[p]) >>> 0;
      if (v < mins[p]) mins[p] = v;
    }
  }
}

const PARAGRAPH_RE = /[^\n]+(?:\n(?!\n)[^\n]*)*/g;

interface Paragraph {
  start: number;
  end: number;
  /** MinHash signature (a view into one buffer for all paragraphs: a text may have tens of thousands) */
  sig: Uint32Array;
}

function paragraphsOf(text: string): Paragraph[] {
  const found: Array<[number, number]> = [];
  PARAGRAPH_RE.lastIndex = 0;
  for (let m = PARAGRAPH_RE.exec(text); m; m = PARAGRAPH_RE.exec(text)) found.push([m.index, m.index + m[0].length]);
  const sigs = new Uint32Array(found.length * NUM_PERMUTATIONS).fill(0xffffffff);
  return found.map(([start, end], k) => {
    const sig = sigs.subarray(k * NUM_PERMUTATIONS, (k + 1) * NUM_PERMUTATIONS);
    minhashInto(shingles(text.slice(start, end)), sig);
    return { start, end, sig };
  });
}

/** out[i] = min(out[i], sig[i]) */
function minInto(out: Uint32Array, sig: ArrayLike<number>): void {
  for (let i = 0; i < NUM_PERMUTATIONS; i++) if (sig[i] < out[i]) out[i] = sig[i];
}

/**
 * MinHash signature of a text: the shingles of each paragraph (shingles do
 * not span paragraph breaks, so a reflowed reprint still matches).
 */
export function signatureOf(text: string): number[] {
  return analyseIdentity(text).signature;
}

/** Signature and revisions in one pass over the paragraphs. */
export function analyseIdentity(text: string): {
  signature: number[];
  revisions: Array<{ start: number; end: number }>;
} {
  const paras = paragraphsOf(text);
  const signature = new Uint32Array(NUM_PERMUTATIONS).fill(0xffffffff);
  for (const p of paras) minInto(signature, p.sig);
  return { signature: Array.from(signature), revisions: revisionsOf(text, paras) };
}

/** Estimated Jaccard similarity: the share of permutations whose minima agree. */
export function jaccardEstimate(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (!n) return 0;
  let same = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) same++;
  return same / n;
}

export function jaccardExact(a: Uint32Array, b: Uint32Array): number {
  if (!a.length && !b.length) return 0;
  const sa = new Set(a);
  let inter = 0;
  for (const x of b) if (sa.has(x)) inter++;
  return inter / (sa.size + new Set(b).size - inter);
}

export function findNearDuplicate<T extends { signature: number[] }>(
  signature: number[],
  candidates: T[],
  threshold = NEAR_DUPLICATE_THRESHOLD,
): { candidate: T; similarity: number } | null {
  let best: { candidate: T; similarity: number } | null = null;
  for (const c of candidates) {
    const sim = jaccardEstimate(signature, c.signature);
    if (sim >= threshold && (!best || sim > best.similarity)) best = { candidate: c, similarity: sim };
  }
  return best;
}

/** Similarity of two revisions, below which we keep the text as one. */
export const REVISION_THRESHOLD = 0.3;
/** How alike a later paragraph must be to the opening one to be a candidate second lead. */
const LEAD_SIMILARITY = 0.35;
/**
 * Bounds on the search, far above what a story carries (a few revisions, a
 * lead or two that comes back), so that a text of thousands of alike
 * paragraphs costs O(paragraphs) per revision found and not O(paragraphs²).
 */
const MAX_REVISIONS = 16;
const MAX_LEAD_CANDIDATES = 64;

/**
 * One text holding several revisions of a story: the opening paragraph comes
 * back later (edited), and the two halves share most of their shingles.
 * Returns the segments (character ranges); a single segment when there is
 * no repetition. Similarities are MinHash estimates, so each candidate split
 * costs O(permutations).
 */
export function splitRevisions(text: string): Array<{ start: number; end: number }> {
  return revisionsOf(text, paragraphsOf(text));
}

function revisionsOf(text: string, paras: Paragraph[]): Array<{ start: number; end: number }> {
  const whole = [{ start: 0, end: text.length }];
  if (text.length < 400 || paras.length < 4) return whole;
  const suffix = new SuffixUnions(paras);
  const segs: Array<{ start: number; end: number }> = [];
  for (let from = 0; ;) {
    const split = segs.length + 1 < MAX_REVISIONS ? bestSplit(paras, from, suffix) : -1;
    if (split < 0) {
      segs.push({ start: paras[from].start, end: text.length });
      break;
    }
    segs.push({ start: paras[from].start, end: paras[split - 1].end });
    from = split;
  }
  if (segs.length === 1) return whole;
  segs[0].start = 0;
  return segs;
}

/** The union (minima) of the paragraphs from q to the end, for every q: computed once, when first asked. */
class SuffixUnions {
  private table: Uint32Array | null = null;
  constructor(private readonly paras: Paragraph[]) {}

  at(q: number): Uint32Array {
    if (!this.table) {
      const n = this.paras.length;
      const table = new Uint32Array((n + 1) * NUM_PERMUTATIONS).fill(0xffffffff);
      for (let p = n - 1; p >= 0; p--) {
        const sig = this.paras[p].sig;
        const row = p * NUM_PERMUTATIONS;
        for (let i = 0; i < NUM_PERMUTATIONS; i++) {
          const after = table[row + NUM_PERMUTATIONS + i];
          table[row + i] = sig[i] < after ? sig[i] : after;
        }
      }
      this.table = table;
    }
    return this.table.subarray(q * NUM_PERMUTATIONS, (q + 1) * NUM_PERMUTATIONS);
  }
}

/** Where a second revision starts in paras[from..], or -1: the candidate lead whose split leaves the most alike halves. */
function bestSplit(paras: Paragraph[], from: number, suffix: SuffixUnions): number {
  const first = paras[from].sig;
  const candidates: number[] = [];
  for (let p = from + 2; p < paras.length - 1 && candidates.length < MAX_LEAD_CANDIDATES; p++) {
    if (jaccardEstimate(first, paras[p].sig) >= LEAD_SIMILARITY) candidates.push(p);
  }
  if (!candidates.length) return -1;
  // the union before each candidate, grown as the candidates go on: each split compares two unions in O(permutations)
  const left = new Uint32Array(NUM_PERMUTATIONS).fill(0xffffffff);
  let best = -1;
  let bestScore = 0;
  for (let c = 0, q = from; c < candidates.length; c++) {
    for (; q < candidates[c]; q++) minInto(left, paras[q].sig);
    const score = jaccardEstimate(left, suffix.at(candidates[c]));
    if (score > bestScore) {
      bestScore = score;
      best = candidates[c];
    }
  }
  return best >= 0 && bestScore >= REVISION_THRESHOLD ? best : -1;
}
