/**
 * One parsed sentence as a graph to walk: the dependents and heads of a
 * token, relations by their base name ('obl:to' is an 'obl'), the extent of a
 * token's subtree, and the token at a character offset.
 */
import type { ParsedEdge, ParsedSentence, ParsedToken } from '../parse.js';

export interface Arc {
  rel: string;
  /** 'nsubj:pass' → 'nsubj:pass'; 'obl:to' → 'obl'; 'advcl:unless' → 'advcl'. */
  base: string;
  /** The subtype after ':' for obl/nmod/advcl/conj ('to', 'unless', 'and'), else ''. */
  sub: string;
  token: number;
}

const KEEP_SUBTYPE = new Set([
  'nsubj:pass',
  'nsubj:xsubj',
  'aux:pass',
  'obl:agent',
  'obl:tmod',
  'nmod:poss',
  'nmod:tmod',
  'compound:prt',
  'acl:relcl',
]);

function split(rel: string): { base: string; sub: string } {
  if (KEEP_SUBTYPE.has(rel)) return { base: rel, sub: '' };
  const at = rel.indexOf(':');
  return at < 0 ? { base: rel, sub: '' } : { base: rel.slice(0, at), sub: rel.slice(at + 1) };
}

export class SentenceGraph {
  readonly tokens: ParsedToken[];
  private readonly down: Arc[][];
  private readonly up: Arc[][];
  /** The basic tree's head of each token (the first non-extra head), -1 for the root. */
  readonly head: Int32Array;
  readonly root: number;

  constructor(readonly sentence: ParsedSentence) {
    this.tokens = sentence.tokens;
    const n = this.tokens.length;
    this.down = Array.from({ length: n }, () => []);
    this.up = Array.from({ length: n }, () => []);
    this.head = new Int32Array(n).fill(-2);
    let root = -1;
    for (const e of sentence.edges as ParsedEdge[]) {
      if (e.dep < 0 || e.dep >= n) continue;
      const { base, sub } = split(e.rel);
      if (e.head < 0) {
        root = e.dep;
        this.head[e.dep] = -1;
        continue;
      }
      if (e.head >= n) continue;
      this.down[e.head].push({ rel: e.rel, base, sub, token: e.dep });
      this.up[e.dep].push({ rel: e.rel, base, sub, token: e.head });
      // Enhanced++ adds extra heads (xsubj, conj propagation, ref); the tree keeps the first, non-extra one.
      if (this.head[e.dep] === -2 && base !== 'nsubj:xsubj' && base !== 'ref') this.head[e.dep] = e.head;
    }
    for (let i = 0; i < n; i++) if (this.head[i] === -2) this.head[i] = -1;
    this.root = root >= 0 ? root : 0;
  }

  children(i: number, ...bases: string[]): Arc[] {
    const all = this.down[i] ?? [];
    return bases.length ? all.filter((a) => bases.includes(a.base)) : all;
  }

  parents(i: number, ...bases: string[]): Arc[] {
    const all = this.up[i] ?? [];
    return bases.length ? all.filter((a) => bases.includes(a.base)) : all;
  }

  /** The relation by which the tree attaches i to its head ('root' for the root). */
  relation(i: number): Arc | null {
    const h = this.head[i];
    if (h < 0) return null;
    return this.up[i].find((a) => a.token === h) ?? null;
  }

  /** Token indexes of i's subtree in the basic tree, i included, in order. */
  subtree(i: number, skip: (a: Arc) => boolean = () => false): number[] {
    const out: number[] = [];
    const seen = new Uint8Array(this.tokens.length);
    const walk = (t: number): void => {
      if (seen[t]) return;
      seen[t] = 1;
      out.push(t);
      for (const a of this.down[t]) if (this.head[a.token] === t && !skip(a)) walk(a.token);
    };
    walk(i);
    return out.sort((a, b) => a - b);
  }

  /** Character extent of a set of tokens. */
  extent(tokens: number[]): { start: number; end: number } {
    let start = Infinity;
    let end = -Infinity;
    for (const t of tokens) {
      start = Math.min(start, this.tokens[t].start);
      end = Math.max(end, this.tokens[t].end);
    }
    return { start, end };
  }

  /** The token that contains (or first follows) character offset pos; -1 when none. */
  tokenAt(pos: number): number {
    let lo = 0;
    let hi = this.tokens.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid].end <= pos) lo = mid + 1;
      else {
        ans = mid;
        hi = mid - 1;
      }
    }
    return ans;
  }

  /** Of the tokens in [start, end), the one highest in the tree (the span's head). */
  headOf(start: number, end: number): number {
    let best = -1;
    let bestDepth = Infinity;
    for (
      let t = Math.max(0, this.tokenAt(start));
      t >= 0 && t < this.tokens.length && this.tokens[t].start < end;
      t++
    ) {
      // (a relative pronoun hangs by 'ref' only, outside the tree: "a resolution that recommended ..." is headed by "resolution")
      if (this.head[t] < 0 && t !== this.root) continue;
      const d = this.depth(t);
      if (d < bestDepth) {
        bestDepth = d;
        best = t;
      }
    }
    return best;
  }

  depth(i: number): number {
    let d = 0;
    for (let t = i; this.head[t] >= 0 && d < this.tokens.length; t = this.head[t]) d++;
    return d;
  }

  /** The path of heads from i up to the root, i excluded. */
  ancestors(i: number): number[] {
    const out: number[] = [];
    for (let t = this.head[i]; t >= 0 && out.length < this.tokens.length; t = this.head[t]) out.push(t);
    return out;
  }
}
