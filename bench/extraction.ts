import { pathToFileURL } from 'node:url';
import { extractArticle, type KnownProposal } from '../src/extraction/index.js';

/**
 * Synthetic articles for throughput measurement: realistic length (3-5 KB),
 * diplomatic wording, many actors and proposals, built from a seeded
 * generator so every run measures the same texts.
 */
const STATES = [
  'Germany',
  'France',
  'Brazil',
  'India',
  'Japan',
  'Kenya',
  'Egypt',
  'Chile',
  'Turkey',
  'Vietnam',
  'Nigeria',
  'Poland',
  'Canada',
  'Mexico',
  'Indonesia',
  'Norway',
];
const CAPITALS = [
  'Berlin',
  'Paris',
  'Brasilia',
  'New Delhi',
  'Tokyo',
  'Nairobi',
  'Cairo',
  'Santiago',
  'Ankara',
  'Hanoi',
  'Abuja',
  'Warsaw',
  'Ottawa',
  'Mexico City',
  'Jakarta',
  'Oslo',
];
const DEMONYMS = [
  'German',
  'French',
  'Brazilian',
  'Indian',
  'Japanese',
  'Kenyan',
  'Egyptian',
  'Chilean',
  'Turkish',
  'Vietnamese',
  'Nigerian',
  'Polish',
  'Canadian',
  'Mexican',
  'Indonesian',
  'Norwegian',
];
const PEOPLE = [
  'Anna Keller',
  'Luc Moreau',
  'Paulo Souza',
  'Ravi Menon',
  'Kenji Sato',
  'Grace Otieno',
  'Omar Haddad',
  'Ines Rojas',
  'Emre Kaya',
  'Linh Tran',
  'Chidi Okafor',
  'Marta Nowak',
  'Liam Carter',
  'Sofia Ruiz',
  'Dewi Putri',
  'Erik Berg',
];
const TITLES = ['Foreign Minister', 'President', 'Prime Minister', 'Defense Minister', 'special envoy', 'ambassador'];
const PLANS = [
  'a regional water-sharing treaty',
  'a ceasefire along the border',
  'a joint naval patrol',
  'a carbon border tax',
  'a debt relief package',
  'talks on fishing rights',
  'a free trade agreement',
  'a peacekeeping mission',
  'a moratorium on mining',
  'a summit on energy prices',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const FILLER = [
  'The meeting took place behind closed doors and lasted more than four hours, according to people briefed on it.',
  'Trade between the two countries has grown steadily over the past decade despite periodic disputes over tariffs.',
  'Analysts expect the issue to dominate the agenda of the regional forum scheduled for later in the year.',
  'Opposition lawmakers have demanded more transparency about the costs and the timetable of the negotiations.',
  'Several smaller delegations said they needed more time to consult their capitals before taking a position.',
  'Officials stressed that technical teams would continue working on the details over the coming weeks.',
];

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
}

export function syntheticArticle(seed: number): string {
  const r = rng(seed * 2654435761);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)];
  const paras: string[] = [];
  let len = 0;
  const target = 3000 + Math.floor(r() * 2000);
  while (len < target) {
    const i = Math.floor(r() * STATES.length);
    const j = (i + 1 + Math.floor(r() * (STATES.length - 1))) % STATES.length;
    const plan = pick(PLANS);
    const sentences = [
      `${DEMONYMS[i]} ${pick(TITLES)} ${PEOPLE[i]} proposed on ${pick(DAYS)} that the two sides agree on ${plan}.`,
      `${CAPITALS[j]} said it would reject the proposal unless the talks covered security guarantees, the Foreign Ministry said.`,
      `${PEOPLE[j]}, ${STATES[j]}'s ${pick(TITLES)}, did not make his position clear, according to diplomatic sources.`,
      `"We welcome the initiative," an official at the ${DEMONYMS[(j + 3) % STATES.length]} Foreign Ministry told reporters.`,
      pick(FILLER),
      pick(FILLER),
    ];
    const p = sentences.join(' ');
    paras.push(p);
    len += p.length + 2;
  }
  return paras.join('\n\n');
}

export interface BenchResult {
  articles: number;
  meanKb: number;
  seconds: number;
  perSecond: number;
  cpuPerSecond: number;
  stancesPerArticle: number;
}

/**
 * `n` proposals the graph holds, a third of them drafts and resolutions put
 * forward on dates over two and a half years: what each article is read
 * against when the graph is large (stale drafts are skipped at lookup).
 */
export function knownProposals(n: number): KnownProposal[] {
  const words = ['border', 'water', 'trade', 'fisheries', 'maritime', 'transit', 'grain', 'climate', 'debt', 'arms'];
  const heads = ['agreement', 'draft resolution', 'treaty'];
  return Array.from({ length: n }, (_, i) => {
    const name = `${words[i % 10]} ${words[(i * 7 + 3) % 10]} ${heads[i % 3]} ${i}`;
    const introducedOn = new Date(Date.UTC(2022, 0, 1) + (i % 900) * 86_400_000).toISOString().slice(0, 10);
    return { id: name.replace(/ /g, '-'), name, aliases: [], introducedOn };
  });
}

/**
 * Extract `n` synthetic articles on this thread and time it (wall clock and
 * CPU time); with `known` proposals held, the articles are dated a day apart.
 */
export function runBenchmark(n: number, known = 0): BenchResult {
  const articles = Array.from({ length: n }, (_, i) => syntheticArticle(i + 1));
  const held = { actors: [], proposals: knownProposals(known) };
  const dated = (i: number): string =>
    known ? new Date(Date.UTC(2023, 0, 1) + i * 86_400_000).toISOString().slice(0, 10) : '2024-05-17';
  for (let i = 0; i < Math.min(50, n); i++) extractArticle({ text: articles[i], publishedOn: dated(i) }, held);
  const bytes = articles.reduce((s, a) => s + a.length, 0);
  let stances = 0;
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  for (const [i, text] of articles.entries())
    stances += extractArticle({ text, publishedOn: dated(i) }, held).stances.length;
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  return {
    articles: n,
    meanKb: bytes / n / 1024,
    seconds,
    perSecond: n / seconds,
    cpuPerSecond: n / ((cpu.user + cpu.system) / 1e6),
    stancesPerArticle: stances / n,
  };
}

export function formatBench(r: BenchResult): string {
  return `extraction: ${r.articles} articles, mean ${r.meanKb.toFixed(1)} KB, ${r.seconds.toFixed(2)} s, ${r.perSecond.toFixed(0)} articles/s wall clock (${r.cpuPerSecond.toFixed(0)}/s by CPU time), ${r.stancesPerArticle.toFixed(1)} stances/article`;
}

// node dist-tools/bench/extraction.js [articles] [known proposals] (after infra/stance.sh builds the tools)
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const known = Number(process.argv[3] ?? 0);
  console.error(`${formatBench(runBenchmark(Number(process.argv[2] ?? 3000), known))}, ${known} known proposals`);
}
