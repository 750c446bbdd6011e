/**
 * The conditions a stance is held on, read off the dependency graph: the
 * clauses attached to the cue's predicate (or to the verb it is the
 * complement of) and introduced by "unless", "if", "only if", "provided
 * (that)", "as long as", "on condition that", "until". The clause's words
 * without its marker, in text order.
 */
import type { SentenceGraph } from './graph.js';

const MARKERS = new Set(['unless', 'if', 'provided', 'providing', 'until', 'once']);
const MULTI = /^(?:as long as|on (?:the )?condition that|only if|only when|so long as)\s+/i;
const CLIMB = new Set(['xcomp', 'ccomp', 'conj']);

export function parsedConditions(g: SentenceGraph, text: string, cueStart: number, cueEnd: number): string[] | null {
  const cue = g.headOf(cueStart, cueEnd);
  if (cue < 0) return null;
  const out: string[] = [];
  const chain = [cue];
  for (let n = cue, step = 0; step < 3; step++) {
    const up = g.relation(n);
    if (!up || !CLIMB.has(up.base)) break;
    n = up.token;
    chain.push(n);
  }
  for (const n of chain) {
    for (const a of g.children(n, 'advcl')) {
      const marks = g.children(a.token, 'mark').map((m) => g.tokens[m.token].lemma.toLowerCase());
      const sub = a.sub.replace(/_/g, ' ');
      const conditional =
        MARKERS.has(sub) || marks.some((m) => MARKERS.has(m)) || /^(?:as long as|only if|on condition)/.test(sub);
      if (!conditional) continue;
      const tokens = g.subtree(a.token);
      const { start, end } = g.extent(tokens);
      let clause = text.slice(start, end);
      // the subtree starts at the marker: drop it ("unless the US withdraws ..." → "the US withdraws ...")
      clause = clause
        .replace(MULTI, '')
        .replace(/^(?:unless|if|provided(?: that)?|providing(?: that)?|until|once)\s+/i, '');
      clause = clause.replace(/[\s,.;:"'”’]+$/u, '').trim();
      if (clause && clause.split(/\s+/).length >= 2 && !out.includes(clause)) out.push(clause);
    }
  }
  return out;
}
