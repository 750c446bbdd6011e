/**
 * The proposal a cue is about, read off the dependency graph: a proposal
 * mention among the cue's arguments (object, complement, the noun after a
 * preposition: "support for the plan", "opposed to talks"), the subject of a
 * passive or of a predicate adjective ("the plan was rejected", "the
 * declaration is premature"), or an argument of the verb the cue governs
 * ("refused to accept the offer"). Null when none of them is a proposal
 * mention: the pattern steps then try.
 */
import type { ProposalMention } from '../proposals.js';
import type { SentenceGraph } from './graph.js';

/** The cue's arguments, most telling first. */
const ARGUMENTS = ['obj', 'xcomp', 'nsubj:pass', 'ccomp', 'nmod', 'iobj', 'obl', 'acl', 'advcl'];
/** Adjuncts that may stand before the cue ("In the meeting, ...", "With Seoul leaning toward talks, ..."): only after it do they say what the cue is about. */
const ADJUNCTS = new Set(['obl', 'advcl', 'nmod']);
const NOT_TOPICS = new Set(['tmod', 'agent', 'according_to']);
/** Prepositions of where or when: after an adjective cue they say where it holds ("essential in any deal"). */
const WHERE = new Set(['in', 'at', 'during', 'under', 'within', 'after', 'before', 'since', 'by']);
/** Prepositions of an occasion: after any cue they say when or where it happened ("signed at the summit"). */
const OCCASION = new Set(['at', 'during', 'after', 'before', 'since']);

export interface ParsedTarget {
  mention: ProposalMention;
  /** which relation reached it: for the rule name */
  via: string;
}

export function parsedTarget(
  g: SentenceGraph,
  cueStart: number,
  cueEnd: number,
  mentions: ProposalMention[],
): ParsedTarget | null {
  if (!mentions.length) return null;
  const cue = g.headOf(cueStart, cueEnd);
  if (cue < 0) return null;
  const inCue = (t: number): boolean => g.tokens[t].start >= cueStart && g.tokens[t].end <= cueEnd;
  // a cue in a relative clause is about the noun it modifies: "the declaration they signed in 2002"
  const up = g.relation(cue);
  // ... and so is a participle that modifies it (tagged VBD at times): "the proposal put forward by Qatar"
  if (up?.base === 'acl:relcl' || (up?.base === 'acl' && /^VB[DN]$/.test(g.tokens[cue].pos))) {
    const m = mentionAt(g, up.token, mentions, inCue);
    return m ? { mention: m, via: 'relcl' } : null;
  }
  const adjective = /^JJ/.test(g.tokens[cue].pos);
  // breadth first over the cue's arguments, nearest first
  const seen = new Set<number>([cue]);
  let frontier: Array<{ tok: number; via: string }> = [{ tok: cue, via: '' }];
  for (let depth = 0; depth < 3 && frontier.length; depth++) {
    const next: Array<{ tok: number; via: string }> = [];
    for (const { tok, via } of frontier) {
      const args = g.children(tok, ...ARGUMENTS).sort((x, y) => ARGUMENTS.indexOf(x.base) - ARGUMENTS.indexOf(y.base));
      for (const a of args) {
        if (seen.has(a.token) || NOT_TOPICS.has(a.sub)) continue;
        if (ADJUNCTS.has(a.base) && g.tokens[a.token].start < cueStart) continue;
        // "release of hostages was essential in any resolution": where an adjective holds, not what it is about
        if (depth === 0 && adjective && ADJUNCTS.has(a.base) && WHERE.has(a.sub)) continue;
        // "signed at an inter-Korean summit", "agreed during the talks": the occasion, not what was signed or agreed
        if (depth === 0 && ADJUNCTS.has(a.base) && OCCASION.has(a.sub)) continue;
        seen.add(a.token);
        const path = via ? `${via}>${a.base}` : a.base;
        const m = mentionAt(g, a.token, mentions, inCue);
        if (m) return { mention: m, via: path };
        next.push({ tok: a.token, via: path });
      }
    }
    frontier = next;
  }
  // a predicate adjective or noun: "the declaration is premature", "the plan remains a non-starter"
  const pos = g.tokens[cue].pos;
  if (/^(?:JJ|NN|VBN)/.test(pos) || g.children(cue, 'cop').length) {
    for (const a of g.children(cue, 'nsubj')) {
      const m = mentionAt(g, a.token, mentions, inCue);
      if (m) return { mention: m, via: 'nsubj' };
    }
  }
  return null;
}

/** The proposal mention a token heads: one that covers it, else the first inside its subtree. */
function mentionAt(
  g: SentenceGraph,
  tok: number,
  mentions: ProposalMention[],
  inCue: (t: number) => boolean,
): ProposalMention | null {
  const at = g.tokens[tok].start;
  for (const m of mentions) if (m.start <= at && at < m.end) return m;
  const sub = g.subtree(tok, (a) => a.base === 'acl:relcl' || a.base === 'parataxis');
  if (sub.every(inCue)) return null;
  const { start, end } = g.extent(sub);
  let best: ProposalMention | null = null;
  for (const m of mentions) {
    if (m.start >= start && m.end <= end && (!best || m.start < best.start)) best = m;
  }
  return best;
}
