/**
 * Word tokens with offsets, comparison keys and a token trie for phrase
 * lookup. Phrase matching on tokens (not per-phrase regexes) keeps the
 * gazetteer and known-entity lookups linear in the text length.
 */

export interface Token {
  text: string;
  /** lower case, dots removed, diacritics stripped: "U.S." -> "us" */
  key: string;
  start: number;
  end: number;
  /** first letter upper case */
  cap: boolean;
  /** all letters upper case and at least two of them ("US", "U.N.") */
  upper: boolean;
  /** followed by a possessive 's or ' */
  poss: boolean;
  /** joined to the previous token by a hyphen without spaces ("Jae-in") */
  hyphenPrev: boolean;
}

// (one letter, an apostrophe and a capital are one name: "O'Brien", "D'Alema", "N'Djamena")
const TOKEN_RE = /\p{Lu}'\p{Lu}\p{L}+|[A-Za-z](?:\.[A-Za-z])+\.?|\p{N}+(?:[.,]\p{N}+)+|[\p{L}\p{N}]+/gu;
const HAS_NON_ASCII = /[^\x00-\x7f]/;

/** In a list ordered by `at`, the index of the first item whose `at` is >= pos (list.length when none), by halving. */
export function firstFrom<T>(list: readonly T[], pos: number, at: (x: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(list[mid]) < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function keyOf(word: string): string {
  let k = word.toLowerCase();
  if (k.includes('.')) k = k.replace(/\./g, '');
  if (HAS_NON_ASCII.test(k)) k = k.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return k;
}

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text))) {
    const word = m[0];
    const start = m.index;
    const end = start + word.length;
    // the "s" of a possessive is not a token of its own
    if (word === 's' && text[start - 1] === "'" && out.length && out[out.length - 1].end === start - 1) {
      out[out.length - 1].poss = true;
      continue;
    }
    const first = word[0];
    const cap = first !== first.toLowerCase();
    const lower = word.toLowerCase();
    const upper =
      cap &&
      word.length >= 2 &&
      word !== lower &&
      word === word.toUpperCase() &&
      /[A-Za-z\p{L}].*[A-Za-z\p{L}]/u.test(word);
    const prev = out.length ? out[out.length - 1] : null;
    const tok: Token = {
      text: word,
      key: keyOf(word),
      start,
      end,
      cap,
      upper,
      poss: false,
      hyphenPrev: !!prev && prev.end === start - 1 && text[start - 1] === '-',
    };
    // plural possessive: "the Koreas' talks"
    if (text[end] === "'" && word.endsWith('s') && !/[A-Za-z]/.test(text[end + 1] ?? '')) tok.poss = true;
    out.push(tok);
  }
  return out;
}

/**
 * Crude English stemmer for matching proposal wording: "normalization",
 * "normalizing", "normalise" -> "normaliz"; "talks" -> "talk";
 * "declaration", "declare" -> "declar".
 */
export function stem(key: string): string {
  let w = key;
  if (w.length <= 3) return w;
  if (/(?:iz|is)ation$/.test(w)) return w.replace(/(?:iz|is)ation$/, 'iz');
  if (/(?:iz|is)(?:ing|ed|es|e)$/.test(w) && w.length > 6) return w.replace(/(?:iz|is)(?:ing|ed|es|e)$/, 'iz');
  if (w.endsWith('ations') || w.endsWith('ation')) return w.replace(/ations?$/, '');
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing') && w.length > 5) {
    w = w.slice(0, -3);
    if (/(.)\1$/.test(w) && !/(?:ll|ss)$/.test(w)) w = w.slice(0, -1);
    return w.replace(/e$/, '');
  }
  if (w.endsWith('ed') && w.length > 4) {
    w = w.slice(0, -2);
    if (/(.)\1$/.test(w) && !/(?:ll|ss)$/.test(w)) w = w.slice(0, -1);
    return w.replace(/e$/, '');
  }
  if (/(?:ss|x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** How a trie entry's words must be cased in the text. */
export type CaseRule = Array<'any' | 'cap' | 'upper'>;

export function caseRuleOf(words: string[]): CaseRule {
  return words.map((w) => {
    const letters = w.replace(/[^\p{L}]/gu, '');
    if (letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return 'upper';
    if (letters && letters[0] !== letters[0].toLowerCase()) return 'cap';
    return 'any';
  });
}

export function caseOk(rule: CaseRule, tokens: Token[], from: number): boolean {
  for (let i = 0; i < rule.length; i++) {
    const r = rule[i];
    if (r === 'any') continue;
    const t = tokens[from + i];
    if (r === 'cap' && !t.cap) return false;
    if (r === 'upper' && !t.upper && !(t.text.length === 1 && t.cap)) return false;
  }
  return true;
}

interface TrieNode<T> {
  next: Map<string, TrieNode<T>>;
  values: T[];
}

/** A trie over token keys; values sit on the node that ends a phrase. */
export class TokenTrie<T> {
  private readonly root: TrieNode<T> = { next: new Map(), values: [] };
  size = 0;

  add(keys: string[], value: T): void {
    if (!keys.length) return;
    let node = this.root;
    for (const k of keys) {
      let n = node.next.get(k);
      if (!n) {
        n = { next: new Map(), values: [] };
        node.next.set(k, n);
      }
      node = n;
    }
    node.values.push(value);
    this.size++;
  }

  /**
   * All phrases starting at `from`, longest first, as [length, values].
   * `keyAt` maps a token index to its key (so callers can match on stems).
   */
  matchAt(keyAt: (i: number) => string | null, from: number, limit: number): Array<[number, T[]]> {
    const found: Array<[number, T[]]> = [];
    let node: TrieNode<T> | undefined = this.root;
    for (let i = from; i < limit; i++) {
      const k = keyAt(i);
      if (k === null) break;
      node = node.next.get(k);
      if (!node) break;
      if (node.values.length) found.push([i - from + 1, node.values]);
    }
    return found.reverse();
  }

  hasStart(key: string): boolean {
    return this.root.next.has(key);
  }
}

/** Words split the way the tokenizer splits them, for building trie keys. */
export function phraseKeys(phrase: string): { keys: string[]; words: string[] } {
  const toks = tokenize(phrase);
  return { keys: toks.map((t) => t.key), words: toks.map((t) => t.text) };
}

/** Incremental content hash (two FNV-style lanes) for caching indexes of caller-supplied entities. */
export class Fingerprint {
  private h1 = 0x811c9dc5;
  private h2 = 0x01000193;
  private n = 0;
  add(s: string | null | undefined): this {
    const v = s ?? '';
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    }
    this.h1 = Math.imul(h1 ^ 0x1f, 0x01000193);
    this.h2 = h2;
    this.n++;
    return this;
  }
  toString(): string {
    return `${this.n}:${(this.h1 >>> 0).toString(36)}:${(this.h2 >>> 0).toString(36)}`;
  }
}

/** A small map that forgets its oldest entries. */
export class BoundedCache<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(k: string): V | undefined {
    return this.map.get(k);
  }
  set(k: string, v: V): void {
    if (this.map.size >= this.max) this.map.delete(this.map.keys().next().value as string);
    this.map.set(k, v);
  }
}
