// The real-article corpus (test/fixtures/articles-real): its texts are
// third-party and stay out of git; the manifest and the gold are committed.
//   npm run corpus -- check            every text present and as the manifest says (sha256, words)
//   npm run corpus -- import FILE...   write texts/ from saved answers of the search tool
// An answer file is the JSON the tool library's `search` verb returns (corpus
// "pages"): {"results": [{"url", "excerpt"}, ...]}, or an array of them. Each
// result whose url is in the manifest becomes that entry's text, under the
// header lines the ingest format reads. Exit status 1 when anything is missing
// or differs. The report is for people (stderr).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../src/common/project-root.js';

export const CORPUS = join(PROJECT_ROOT, 'test', 'fixtures', 'articles-real');

export interface ManifestEntry {
  file: string;
  url: string;
  outlet: string;
  title: string;
  publishedOn: string;
  query: string;
  region: string;
  proposals: string[];
  split: 'tuning' | 'blind' | 'blind2';
  sha256: string;
  words: number;
}

export function readManifest(dir = CORPUS): ManifestEntry[] {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ManifestEntry[];
}

/** The body of a text file in the ingest format: what follows the `---` line that ends the header. */
export function bodyOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('\n---\n');
  return at >= 0 ? text.slice(at + 5) : text;
}

export const sha256 = (s: string): string => createHash('sha256').update(s.replace(/\s+$/, ''), 'utf8').digest('hex');
export const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

export function textFile(entry: ManifestEntry, body: string): string {
  const header = [
    `url: ${entry.url}`,
    `outlet: ${entry.outlet}`,
    `title: ${entry.title}`,
    `published: ${entry.publishedOn}`,
  ];
  return `${header.join('\n')}\n---\n${body.replace(/\s+$/, '')}\n`;
}

function check(dir: string): number {
  const manifest = readManifest(dir);
  let missing = 0;
  let differs = 0;
  for (const e of manifest) {
    const path = join(dir, 'texts', e.file);
    if (!existsSync(path)) {
      missing++;
      console.error(`missing  ${e.file}  (${e.url})`);
      continue;
    }
    const body = bodyOf(path);
    if (sha256(body) !== e.sha256) {
      differs++;
      console.error(`differs  ${e.file}: ${wordCount(body)} words, manifest ${e.words}`);
    }
  }
  const ok = manifest.length - missing - differs;
  console.error(`${ok} of ${manifest.length} texts as the manifest says; ${missing} missing, ${differs} differ`);
  return missing || differs ? 1 : 0;
}

function importAnswers(dir: string, files: string[]): number {
  const manifest = readManifest(dir);
  const byUrl = new Map(manifest.map((e) => [e.url, e]));
  mkdirSync(join(dir, 'texts'), { recursive: true });
  let written = 0;
  for (const f of files) {
    const parsed = JSON.parse(readFileSync(resolve(process.env.INIT_CWD ?? process.cwd(), f), 'utf8')) as unknown;
    const answers = (Array.isArray(parsed) ? parsed : [parsed]) as Array<{
      results?: Array<{ url?: string; excerpt?: string }>;
    }>;
    for (const r of answers.flatMap((a) => a.results ?? [])) {
      const entry = r.url ? byUrl.get(r.url) : undefined;
      if (!entry || typeof r.excerpt !== 'string') continue;
      writeFileSync(join(dir, 'texts', entry.file), textFile(entry, r.excerpt));
      const same = sha256(r.excerpt) === entry.sha256;
      console.error(`${same ? 'wrote   ' : 'wrote (differs from the manifest)'} ${entry.file}`);
      written++;
    }
  }
  console.error(`${written} texts written`);
  return written ? 0 : 1;
}

function main(args: string[]): number {
  const [command, ...rest] = args;
  if (command === 'check') return check(CORPUS);
  if (command === 'import' && rest.length) return importAnswers(CORPUS, rest);
  console.error('usage: corpus check | corpus import ANSWER.json...');
  return 2;
}

process.exitCode = main(process.argv.slice(2));
