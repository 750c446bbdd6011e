/**
 * Sentence splitting with character offsets into the normalised text.
 * A period after a known abbreviation ("U.S.", "Oct.", "Mr.") or an initial
 * does not end a sentence unless a typical sentence opener follows; a closing
 * quote after the terminator belongs to the sentence; paragraph breaks always
 * end one. A sentence is at most MAX_SENTENCE_CHARS long.
 *
 * Linear in the text: a run of terminators is read once (not again from each
 * of its characters), and everything per-sentence downstream is bounded by
 * the sentence cap.
 */

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
  paragraph: number;
}

export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'lt',
  'col',
  'sgt',
  'capt',
  'cpt',
  'adm',
  'maj',
  'cmdr',
  'gov',
  'sen',
  'rep',
  'st',
  'jr',
  'sr',
  'rev',
  'hon',
  'amb',
  'pres',
  'sec',
  'gov',
  'messrs',
  'mt',
  'ft',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
  'no',
  'nos',
  'vol',
  'vs',
  'etc',
  'eg',
  'ie',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'approx',
  'est',
  'fig',
  'al',
  'us',
  'un',
  'uk',
  'eu',
  'am',
  'pm',
  'ad',
  'bc',
]);

// After an abbreviation these words still start a new sentence.
export const OPENERS: ReadonlySet<string> = new Set([
  'The',
  'A',
  'An',
  'He',
  'She',
  'It',
  'They',
  'We',
  'I',
  'In',
  'On',
  'At',
  'But',
  'And',
  'However',
  'This',
  'That',
  'These',
  'Those',
  'There',
  'His',
  'Her',
  'Its',
  'Their',
  'After',
  'Before',
  'When',
  'While',
  'Meanwhile',
  'Still',
  'Yet',
  'So',
  'As',
  'For',
  'If',
  'Earlier',
  'Later',
  'Last',
  'Next',
]);

/**
 * The longest sentence, in characters: the longest evidence quote an analyst
 * may record (LIMITS.quote). A longer one (no sentence end for pages, as in
 * hostile text) is cut at its last space before the limit, or at the limit.
 */
export const MAX_SENTENCE_CHARS = 2000;

const WORD_BEFORE = /([A-Za-z][A-Za-z.]*)$/;

function isAbbreviation(text: string, dot: number): boolean {
  const m = WORD_BEFORE.exec(text.slice(Math.max(0, dot - 12), dot));
  if (!m) return false;
  const w = m[1];
  if (w.length === 1 && /[A-Z]/.test(w)) return true; // initial: "John F. Kennedy"
  if (w.includes('.')) return true; // "U.S", "a.m"
  return ABBREVIATIONS.has(w.toLowerCase());
}

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let paragraph = 0;
  let start = 0;
  const push = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ index: out.length, start: s, end: e, text: text.slice(s, e), paragraph });
    start = end;
  };
  // ends the sentence at `end`, first cutting what would be longer than the cap
  const endAt = (end: number): void => {
    while (end - start > MAX_SENTENCE_CHARS) {
      const space = text.lastIndexOf(' ', start + MAX_SENTENCE_CHARS);
      push(space > start ? space : start + MAX_SENTENCE_CHARS);
    }
    push(end);
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i];
    if (c === '\n') {
      endAt(i);
      if (text[i + 1] === '\n') paragraph++;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?') continue;
    // run of terminators and closing quotes/brackets; whatever is decided here
    // holds for every terminator of the run, so the scan goes on after it
    const at = i;
    let j = i + 1;
    while (j < n && (text[j] === '.' || text[j] === '!' || text[j] === '?')) j++;
    i = j - 1;
    while (j < n && (text[j] === '"' || text[j] === "'" || text[j] === ')')) j++;
    if (j < n && text[j] !== ' ' && text[j] !== '\n') continue;
    // what follows the gap
    let k = j;
    while (k < n && text[k] === ' ') k++;
    if (k >= n || text[k] === '\n') {
      endAt(j);
      i = j - 1;
      continue;
    }
    const next = text[k];
    const startsLikeSentence = /[A-Z0-9"'([]/.test(next);
    if (!startsLikeSentence) continue;
    if (c === '.' && j === at + 1 && isAbbreviation(text, at)) {
      const nextWord = /^[A-Za-z]+/.exec(text.slice(k, k + 20))?.[0] ?? '';
      if (!OPENERS.has(nextWord)) continue;
    }
    endAt(j);
    i = j - 1;
  }
  endAt(n);
  return out;
}

/** Index of the sentence containing offset `pos` (binary search). */
export function sentenceAt(sentences: Sentence[], pos: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].end <= pos) lo = mid + 1;
    else if (sentences[mid].start > pos) hi = mid - 1;
    else return mid;
  }
  return -1;
}
