/**
 * The marks of a stance's evidence: where its parts (holder, speaker, cue,
 * proposal, conditions, date) are written in the article, stored on the
 * evidence as "kind:charStart:charEnd" (article offsets). This is the one
 * place that reads them.
 */

/** A stored mark, read: its kind (lower case, as stored) and article offsets. */
export interface StoredMark {
  kind: string;
  charStart: number;
  charEnd: number;
}

/** A stored mark, or null when it is not of the stored form (an empty or reversed span). */
export function readMark(stored: string): StoredMark | null {
  const [kind, start, end] = stored.split(':');
  const charStart = Number(start);
  const charEnd = Number(end);
  if (!kind || !Number.isInteger(charStart) || !Number.isInteger(charEnd) || charEnd <= charStart) return null;
  return { kind, charStart, charEnd };
}

/** The words the evidence's marks of one kind cover, cut from each quote (a quote without offsets has none). */
export function markedWords(
  evidence: ReadonlyArray<{ quote: string; charStart: number | null; marks?: string[] | null }>,
  kind: string,
): string[] {
  return evidence.flatMap((e) =>
    (e.marks ?? []).flatMap((stored) => {
      const mark = readMark(stored);
      if (!mark || mark.kind !== kind || e.charStart === null) return [];
      return [e.quote.slice(mark.charStart - e.charStart, mark.charEnd - e.charStart)];
    }),
  );
}

/**
 * For each span (an evidence quote's offsets), the marks that lie inside it,
 * in the stored form and in the order `marks` gives them. The marks are
 * sorted once and each span reads only its own stretch of them, so an
 * article with thousands of quotes and marks costs n log n, not quotes × marks.
 */
export function storedMarksWithin(
  marks: readonly StoredMark[],
  spans: ReadonlyArray<{ charStart: number; charEnd: number }>,
): string[][] {
  const order = marks.map((_, i) => i).sort((a, b) => marks[a].charStart - marks[b].charStart);
  return spans.map((span) => {
    // the first mark that starts at or after the span's start
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (marks[order[mid]].charStart < span.charStart) lo = mid + 1;
      else hi = mid;
    }
    const inside: number[] = [];
    for (let k = lo; k < order.length && marks[order[k]].charStart <= span.charEnd; k++) {
      if (marks[order[k]].charEnd <= span.charEnd) inside.push(order[k]);
    }
    return inside.sort((a, b) => a - b).map((i) => `${marks[i].kind}:${marks[i].charStart}:${marks[i].charEnd}`);
  });
}
