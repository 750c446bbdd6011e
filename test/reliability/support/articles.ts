import { SYLLABLES } from '../../../src/extraction/index.js';
/**
 * Articles made up for the reliability tests (never the seeds' text): each
 * states two or three stances in sentences the extractor reads reliably
 * ("Kenya rejected the Black Sea grain deal on Monday"), padded with filler
 * of made-up words so that no two articles look like reprints of each other.
 * Many articles share (actor, proposal, position), so concurrent ingests
 * meet on the same stance nodes.
 */
export interface ExpectedStance {
  actorId: string;
  proposalId: string;
  position: 'SUPPORT' | 'OPPOSE' | 'NONCOMMITTAL';
}

export interface GeneratedArticle {
  key: string;
  text: string;
  url: string;
  outlet: string;
  title: string;
  publishedOn: string;
  expected: ExpectedStance[];
}

const STATES = [
  'Japan',
  'Germany',
  'Brazil',
  'Kenya',
  'Canada',
  'Norway',
  'Chile',
  'India',
  'Mexico',
  'Egypt',
  'Poland',
  'Ghana',
];
const PROPOSALS: Array<[string, string]> = [
  ['Black Sea grain deal', 'black-sea-grain-deal'],
  ['ceasefire plan for Sudan', 'ceasefire-plan-for-sudan'],
  ['proposal to create a European army', 'european-army'],
  ['initiative to expand the Security Council', 'expansion-of-the-security-council'],
];
const VERBS: Array<[string, ExpectedStance['position']]> = [
  ['welcomed', 'SUPPORT'],
  ['backed', 'SUPPORT'],
  ['rejected', 'OPPOSE'],
  ['opposed', 'OPPOSE'],
  ['declined to say whether it supports', 'NONCOMMITTAL'],
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const OUTLETS = ['Harbour Ledger', 'Plains Courier', 'Delta Wire', 'Northern Gazette'];

/** A small seeded generator (mulberry32), so a run can be repeated from its seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)];

function word(r: () => number): string {
  const n = 2 + Math.floor(r() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += pick(r, SYLLABLES);
  return w;
}

function filler(r: () => number): string {
  const forms = [
    () => `Officials toured the ${word(r)} harbour and the ${word(r)} depot before noon.`,
    () => `Crowds gathered near the ${word(r)} bridge while ${word(r)} vendors sold ${word(r)} bread.`,
    () => `The weather in ${word(r)} province stayed mild, with ${word(r)} winds from the coast.`,
    () => `Local papers described the ${word(r)} festival and the ${word(r)} market in detail.`,
    () => `Engineers inspected the ${word(r)} railway near the ${word(r)} valley for a second day.`,
  ];
  return pick(r, forms)();
}

export function generateArticles(count: number, seed: number, runTag: string): GeneratedArticle[] {
  const r = rng(seed);
  const out: GeneratedArticle[] = [];
  for (let k = 0; k < count; k++) {
    const stances = 2 + Math.floor(r() * 2);
    const used = new Set<string>();
    const expected: ExpectedStance[] = [];
    const sentences: string[] = [];
    while (expected.length < stances) {
      const state = pick(r, STATES);
      const [proposal, proposalId] = pick(r, PROPOSALS);
      const actorId = state.toLowerCase();
      if (used.has(`${actorId}|${proposalId}`) || used.has(actorId)) continue;
      used.add(`${actorId}|${proposalId}`);
      used.add(actorId);
      const [verb, position] = pick(r, VERBS);
      sentences.push(`${state} ${verb} the ${proposal} on ${pick(r, DAYS)}, officials said.`);
      expected.push({ actorId, proposalId, position });
    }
    const paragraphs: string[] = [];
    for (const s of sentences) {
      paragraphs.push(s);
      paragraphs.push([filler(r), filler(r), filler(r)].join(' '));
    }
    const day = 1 + Math.floor(r() * 27);
    const month = 1 + Math.floor(r() * 12);
    out.push({
      key: `a${k}`,
      text: paragraphs.join('\n\n'),
      url: `https://reliability.example/${runTag}/${k}`,
      outlet: pick(r, OUTLETS),
      title: `Reliability article ${k}`,
      publishedOn: `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      expected,
    });
  }
  return out;
}
