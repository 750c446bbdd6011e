/**
 * Pathological article texts: what a careless or hostile client can send
 * within the length limit to find work that grows faster than the text.
 * Runs of one character (each punctuation mark, spaces, capitals, quotes,
 * digits, brackets), one sentence as long as the limit, and prose that
 * repeats one construction thousands of times (cues, conditions, anaphors,
 * titled persons, dates, revisions). Deterministic, so a slow case can be
 * run again. Used by the unit tests (extraction stays linear) and the
 * reliability tier (the service stays live while it reads them).
 */

export interface AdversarialText {
  name: string;
  text: string;
}

/** Syllables of invented names (also the reliability tier's generated articles). */
export const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'zu',
  'ter',
  'van',
  'sho',
  'rel',
  'dum',
  'pia',
  'gor',
  'nek',
  'bal',
  'siv',
  'tro',
  'quen',
];

/** A distinct capitalised made-up word for each k (a name nobody has). */
function madeUp(k: number): string {
  let w = '';
  let x = k + 17;
  do {
    w += SYLLABLES[x % SYLLABLES.length];
    x = Math.floor(x / SYLLABLES.length);
  } while (x > 0);
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** `unit` repeated to exactly `length` characters. */
function fill(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Repeats `make(k)` (k = 0, 1, ...) until `length`, cut to exactly `length` characters. */
function build(length: number, make: (k: number) => string, lead = ''): string {
  const parts = [lead];
  let n = lead.length;
  for (let k = 0; n < length; k++) {
    const s = make(k);
    parts.push(s);
    n += s.length;
  }
  return parts.join('').slice(0, length);
}

const LEAD = 'Kenya backed the ceasefire plan for Sudan on Monday. ';

/** Every pathological text, each exactly `length` characters. */
export function adversarialTexts(length: number): AdversarialText[] {
  const run = (ch: string): string => LEAD + ch.repeat(length - LEAD.length - 1) + 'x';
  return [
    // runs of one character, each ended by a letter (so no run ends a sentence)
    { name: 'dots', text: run('.') },
    { name: 'commas', text: run(',') },
    { name: 'semicolons', text: run(';') },
    { name: 'dashes', text: run('-') },
    { name: 'question-exclamation', text: LEAD + fill('?!', length - LEAD.length - 1) + 'x' },
    { name: 'spaces', text: run(' ') },
    { name: 'newlines', text: run('\n') },
    { name: 'capitals', text: run('A') },
    { name: 'digits', text: run('7') },
    { name: 'quotes', text: run('"') },
    { name: 'apostrophes', text: run("'") },
    {
      name: 'nested-brackets',
      text:
        LEAD +
        '('.repeat((length - LEAD.length) >> 1) +
        ')'.repeat(length - LEAD.length - ((length - LEAD.length) >> 1)),
    },
    { name: 'dotted-letters', text: LEAD + fill('a.', length - LEAD.length) },
    { name: 'capital-words', text: LEAD + fill('NATO UN ', length - LEAD.length) },
    { name: 'capitalised-words', text: LEAD + fill('Kala Mizu ', length - LEAD.length) },
    { name: 'initials', text: LEAD + fill('A. ', length - LEAD.length) },
    { name: 'quoted-words', text: LEAD + fill('"backed" ', length - LEAD.length) },
    { name: 'mixed-punctuation', text: LEAD + fill('. , ; -- " ( ) A 1 ... ', length - LEAD.length) },
    // one sentence as long as the limit: cues, actors and proposals with no sentence end
    {
      name: 'one-sentence',
      text: fill('Kenya supported the ceasefire plan and Chile opposed the grain deal and ', length),
    },
    {
      name: 'one-sentence-conditions',
      text: fill('Kenya supported the plan if Egypt agreed, provided that Chile ', length),
    },
    // prose that repeats one construction
    { name: 'cues', text: fill('Kenya said it supported the ceasefire plan if Egypt agreed. ', length) },
    { name: 'paragraphs', text: fill('a\n\n', length) },
    { name: 'same-paragraph', text: fill('Kenya backed the ceasefire plan for Sudan on Monday.\n\n', length) },
    {
      name: 'anaphors',
      text: build(
        length,
        () => 'The proposal was rejected by Chile and the plan was welcomed by Ghana. ',
        'Kenya proposed a ceasefire plan for Sudan on Monday. ',
      ),
    },
    {
      name: 'titled-persons',
      text: build(
        length,
        (k) => `Foreign Minister ${madeUp(k)} ${madeUp(k + 5000)} of Kenya said ${madeUp(k)} backed the plan. `,
      ),
    },
    {
      name: 'titled-persons-one-sentence',
      text: build(length, (k) => `Foreign Minister ${madeUp(k)} ${madeUp(k + 5000)} of Kenya, `),
    },
    {
      name: 'proposals',
      text: build(
        length,
        (k) => `Kenya proposed a ${madeUp(k).toLowerCase()} treaty on ${madeUp(k + 9000).toLowerCase()} fishing. `,
      ),
    },
    {
      name: 'honorifics',
      text: build(
        length,
        (k) => `Mr. ${madeUp(k)} ${madeUp(k + 7000)} said ${madeUp(k + 7000)} ${madeUp(k)} backed the plan. `,
        'Kenya backed the ceasefire plan. ',
      ),
    },
    {
      name: 'condition-markers',
      text: LEAD + fill('supported it if unless provided that once until ', length - LEAD.length),
    },
    { name: 'long-word-after-cue', text: LEAD + 'Kenya supported ' + fill('supportive', length - LEAD.length - 16) },
    { name: 'dates', text: fill('On Monday, May 5, 2021, last week and on Oct. 19 this year, ', length) },
    { name: 'quotations', text: fill('"We support the ceasefire plan," said Kenya. ', length) },
  ];
}
