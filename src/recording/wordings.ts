/**
 * The words an analyst pointed at, as names to teach the extractor: an
 * amendment's or an added stance's proposal and holder wordings become
 * aliases of the proposal or actor they were linked to. Marks are stored on
 * the evidence (see graph/marks.ts).
 */

/** What a correction teaches: new aliases for one proposal or actor. */
export interface Lesson {
  kind: 'proposal' | 'actor';
  id: string;
  aliases: string[];
  /** The made-up node the words were first given to, which may share them (the gazetteer leaves it out). */
  except: string | null;
}

/** The wordings as names to link by, each once: see wording and isName. */
export function aliasWordings(texts: string[]): string[] {
  return [...new Set(texts.map(wording).filter(isName))];
}

/** The words as a name: without a leading determiner or possessive, a trailing 's, or surrounding punctuation. */
function wording(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(the|a|an|this|that|these|those|its|their|his|her)\s+/i, '')
    .replace(/['\u2019]s$/i, '')
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.)]+$/gu, '');
}

/** At least two words, at most twelve: a name to link by, not only a generic head ("deal", "plan"). */
function isName(text: string): boolean {
  const n = text.split(' ').length;
  return n >= 2 && n <= 12 && text.length <= 200;
}
