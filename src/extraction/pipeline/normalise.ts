/**
 * Canonical text form. Every later stage (and the article's text hash) works
 * on this form, so its rules must be stable: changing them changes hashes.
 *
 * - typographic quotes, dashes, ellipsis and odd spaces become ASCII forms
 *   (so "Ankara’s" and "Ankara's", "—" and "--" compare equal);
 * - runs of spaces/tabs inside a line collapse to one space, lines are trimmed;
 * - paragraph breaks are kept: runs of blank lines become one blank line.
 */

const CHAR_MAP: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u00b4': "'",
  '\u0060': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2014': '--',
  '\u2015': '--',
  '\u2013': '-',
  '\u2012': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u2026': '...',
  '\u00a0': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2004': ' ',
  '\u2005': ' ',
  '\u2006': ' ',
  '\u2007': ' ',
  '\u2008': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u205f': ' ',
  '\u3000': ' ',
  '\t': ' ',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\u2060': '',
  '\ufeff': '',
  '\u00ad': '',
  '\r': '',
};

// Only characters that need work take the slow path.
const NEEDS_WORK =
  /[\u2018\u2019\u201a\u201b\u2032\u00b4`\u201c-\u201f\u2033\u00ab\u00bb\u2010-\u2015\u2212\u2026\u00a0\u2002-\u200d\u202f\u205f\u2060\u3000\ufeff\u00ad\t\r]/;

export interface NormalisedText {
  text: string;
  /** offsets[i] = offset in the original text of normalised character i (length text.length + 1). */
  offsets: Int32Array;
}

/** Normalise and keep a map from normalised offsets back to original offsets. */
export function normaliseWithMap(input: string): NormalisedText {
  const src = input;
  const out: string[] = [];
  const map: number[] = [];
  let pendingSpace = -1; // original offset of a pending collapsed space, -1 if none
  let lineHasText = false;
  let blankLines = 0; // blank lines seen since the last text line
  let pendingNewline = -1;

  const emit = (s: string, origin: number): void => {
    for (let k = 0; k < s.length; k++) {
      out.push(s[k]);
      map.push(origin);
    }
  };

  for (let i = 0; i < src.length; i++) {
    let ch = src[i];
    if (NEEDS_WORK.test(ch)) {
      // an en dash between spaces reads as a dash, not a hyphen
      if (ch === '\u2013' && src[i - 1] === ' ' && src[i + 1] === ' ') ch = '--';
      else ch = CHAR_MAP[ch] ?? ch;
      if (ch === '') continue;
    }
    if (ch === '\n') {
      if (lineHasText) {
        pendingNewline = i;
        blankLines = 0;
      } else if (pendingNewline >= 0) {
        blankLines++;
      }
      lineHasText = false;
      pendingSpace = -1;
      continue;
    }
    if (ch === ' ') {
      if (lineHasText && pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (!lineHasText) {
      if (pendingNewline >= 0) emit(blankLines > 0 ? '\n\n' : '\n', pendingNewline);
      pendingNewline = -1;
      blankLines = 0;
      lineHasText = true;
    } else if (pendingSpace >= 0) {
      emit(' ', pendingSpace);
    }
    pendingSpace = -1;
    emit(ch, i);
  }
  map.push(src.length);
  return { text: out.join(''), offsets: Int32Array.from(map) };
}

const NEEDS_WORK_G = new RegExp(NEEDS_WORK.source, 'g');

/**
 * The canonical text; see the module comment for the rules. Same output as
 * normaliseWithMap, built with native string operations (the hot path).
 */
export function normalise(input: string): string {
  const mapped = input.replace(NEEDS_WORK_G, (ch, offset: number) =>
    ch === '\u2013' && input[offset - 1] === ' ' && input[offset + 1] === ' ' ? '--' : (CHAR_MAP[ch] ?? ch),
  );
  const lines = mapped.split('\n');
  const out: string[] = [];
  let blank = false;
  for (const raw of lines) {
    const line = raw.replace(/ {2,}/g, ' ').trim();
    if (!line) {
      if (out.length) blank = true;
      continue;
    }
    if (out.length) out.push(blank ? '\n\n' : '\n');
    out.push(line);
    blank = false;
  }
  return out.join('');
}
