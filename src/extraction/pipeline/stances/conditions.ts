/** Conditions a stance is held under: "provided that ...", "as long as ...", "unless ...". */
import { insideQuote, type SentenceView } from '../holders.js';
import { CONDITION_RE, CONDITION_STOP_RE, GERUND_CONDITION_RE } from '../lexicon.js';

/**
 * How far a condition reads after its marker, in characters (the longest
 * condition an analyst may record, LIMITS.condition): each marker reads to
 * the next stop, and without one, in a sentence of markers, every marker
 * would read to the sentence's end.
 */
const MAX_CONDITION_CHARS = 500;

/** Whitespace and the punctuation a condition does not end with. */
const TRAILING = new Set([' ', '\t', '\n', '\r', '\f', '\v', '.', ',', ';', ':']);

export function cleanCondition(raw: string): string {
  let c = raw;
  const stop = CONDITION_STOP_RE.exec(c);
  if (stop) c = c.slice(0, stop.index);
  c = c.replace(/"/g, '').replace(/\s+/g, ' ');
  // trailing punctuation off, from the end (a /[\s.,;:]+$/ retries from every mark of a long run)
  let e = c.length;
  while (e > 0 && TRAILING.has(c[e - 1])) e--;
  return c.slice(0, e).trim();
}

/** The conditions marked between `from` and `to`, in the same quotation state as `from`. */
export function findConditions(text: string, v: SentenceView, from: number, to: number): string[] {
  const out: string[] = [];
  const slice = text.slice(from, to);
  const cueQuoted = insideQuote(v, from);
  for (const re of [CONDITION_RE, GERUND_CONDITION_RE]) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const at = from + m.index;
      if (insideQuote(v, at) !== cueQuoted) continue;
      const marker = m[1].toLowerCase();
      if (marker === 'if' && /\b(?:even|as|asked|whether)\s+$/i.test(text.slice(at - 8, at))) continue;
      const rest = text.slice(at + m[0].length, Math.min(v.end, at + m[0].length + MAX_CONDITION_CHARS));
      const c = cleanCondition(rest);
      if (c.split(/\s+/).length >= 2 && !out.includes(c)) out.push(c);
    }
  }
  return out;
}
