/**
 * Whether a new proposal's name reads as a fragment of a sentence rather than
 * the name of a proposal: what an analyst sees first in the graph and the
 * desk, and the second complaint about real articles ("names
 * proposals from sentence fragments"). A check by the shape of the words,
 * for measuring, never a filter in extraction: it starts with a verb, a
 * preposition or a pronoun ("Normalize relations ...", "For the reform ...",
 * "Our proposal ..."), ends on a word that leaves it open ("... on tackling",
 * "... in exchange", "... due"), runs over a sentence's end ("neighbour.The"),
 * or is one word that names nothing of its own ("Peace", "Revival").
 */
import { LIGHT_VERBS, PROPOSAL_NOUNS, PROPOSAL_VERBS } from '../pipeline/lexicon.js';
import { stem } from '../pipeline/tokens.js';

const OPEN_START =
  /^(?:for|of|on|to|with|by|about|from|in|at|our|my|your|his|her|its|their|this|that|these|those|which|who)$/;
const OPEN_END =
  /^(?:of|on|to|for|with|by|about|from|in|at|and|or|the|a|an|its|their|his|her|due|that|which|who|than|as|into|over|under|between|among)$/;

export type FragmentReason =
  'starts with a verb' | 'starts with a function word' | 'ends open' | 'runs over a sentence' | 'one common word';

/** A participle or gerund that is no proposal noun ("tackling", "requiring"; not "meeting", "binding"). */
function verbal(w: string): boolean {
  return (
    /^[a-z]+(?:ing|ed)$/.test(w) &&
    !PROPOSAL_NOUNS.has(stem(w)) &&
    !/^(?:meeting|ruling|binding|funding|proposed|planned|united|hundred)$/.test(w)
  );
}

export function fragmentReason(name: string): FragmentReason | null {
  const words = name.trim().split(/\s+/);
  const lower = words.map((w) => w.toLowerCase().replace(/[^a-z'-]/g, ''));
  const [first, last] = [lower[0], lower[lower.length - 1]];
  if (/[a-z]\.[A-Z]/.test(name)) return 'runs over a sentence';
  if (words.length === 1) return PROPOSAL_NOUNS.has(stem(first)) ? 'one common word' : null;
  if (OPEN_START.test(first)) return 'starts with a function word';
  // (a verb that is a noun as written stays a name: "End of the war", "Meeting between ..."; "normalize" is not)
  const nounToo = PROPOSAL_NOUNS.has(stem(first)) && !/(?:ize|ise|ify)$/.test(first);
  if ((PROPOSAL_VERBS.has(first) || LIGHT_VERBS.has(first)) && !nounToo) return 'starts with a verb';
  // "an agreement requiring Hamas", "formulas for participating similar": a participle's clause cut short
  if (verbal(last) || (words.length >= 3 && verbal(lower[lower.length - 2]))) return 'ends open';
  if (OPEN_END.test(last) || /\b(?:in exchange|in return)$/i.test(name)) return 'ends open';
  return null;
}
