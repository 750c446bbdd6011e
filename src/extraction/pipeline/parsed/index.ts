/**
 * The parse of an article, indexed for the stance steps: the parsed sentence
 * (as a SentenceGraph, built on first use) that holds a character offset.
 * Offsets are those of the normalised body the pipeline reads; a parse of
 * another text is refused (ParseIndex.for returns null), and the pattern
 * steps run alone.
 */
import type { ParsedDocument } from '../parse.js';
import { SentenceGraph } from './graph.js';

export class ParseIndex {
  private readonly graphs: Array<SentenceGraph | undefined>;
  private readonly starts: number[];

  private constructor(readonly doc: ParsedDocument) {
    this.graphs = new Array(doc.sentences.length);
    this.starts = doc.sentences.map((s) => s.start);
  }

  /** An index of `doc` when its tokens lie on `text` (the same text was parsed), else null. */
  static for(doc: ParsedDocument | null | undefined, text: string): ParseIndex | null {
    if (!doc?.sentences.length) return null;
    let checked = 0;
    for (const s of doc.sentences) {
      for (const t of s.tokens) {
        if (t.end > text.length || t.start < 0) return null;
        // spot-check every 7th token: the offsets must point at the token's text
        if (checked++ % 7 === 0 && text.slice(t.start, t.end) !== t.text) return null;
      }
    }
    return new ParseIndex(doc);
  }

  /** The sentence graph holding offset `pos`, or null. */
  at(pos: number): SentenceGraph | null {
    let lo = 0;
    let hi = this.starts.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= pos) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0 || pos >= this.doc.sentences[k].end) return null;
    return (this.graphs[k] ??= new SentenceGraph(this.doc.sentences[k]));
  }

  /** Every sentence graph, in text order. */
  *all(): Generator<SentenceGraph> {
    for (const s of this.doc.sentences) {
      const g = this.at(s.start);
      if (g) yield g;
    }
  }
}
