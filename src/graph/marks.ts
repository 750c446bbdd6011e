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
