import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { AppModule } from '../src/app.module.js';
import { parseTextFile } from '../src/extraction/index.js';
import { IngestService } from '../src/ingest/ingest.service.js';
import { listArticleFiles } from './files.js';
import { StderrLogger } from './stderr-logger.js';
import { runAs } from '../src/common/operation-context.js';

/**
 * `npm run ingest -- <files or folders>`: plain-text articles, each with an
 * optional header of `key: value` lines (url, outlet, title, published)
 * ended by `---`, through the same pipeline as the ingestArticle mutation.
 * Shows a line per article and a summary on stderr (they are for people);
 * stdout carries data only: the id of each article ingested, one per line.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args.length === 0) {
    console.error('usage: npm run ingest -- <files or folders>');
    process.exit(2);
  }
  // npm runs scripts from the project root; paths are meant from where npm was called.
  const files = listArticleFiles(args.map((a) => resolve(process.env.INIT_CWD ?? process.cwd(), a)));
  process.env.STANCE_LOAD_DEMO = 'false';
  const app = await NestFactory.createApplicationContext(AppModule, {
    logger: new StderrLogger(),
    abortOnError: false,
  });
  const ingest = app.get(IngestService);
  const totals = { articles: 0, duplicates: 0, reprints: 0, stances: 0, actors: 0, proposals: 0, failed: 0 };
  const started = Date.now();
  try {
    for (const [i, file] of files.entries()) {
      const prefix = `[${String(i + 1).padStart(String(files.length).length)}/${files.length}] ${basename(file)}`;
      try {
        const { metadata, text } = parseTextFile(readFileSync(file, 'utf8'));
        const r = await ingest.ingest({ text, ...metadata });
        totals.articles += 1;
        totals.duplicates += r.duplicate ? 1 : 0;
        totals.reprints += r.sameReportAs ? 1 : 0;
        totals.stances += r.stances.length;
        totals.actors += r.newActorIds.length;
        totals.proposals += r.newProposalIds.length;
        const note = r.duplicate
          ? 'already ingested, nothing changed'
          : `${r.stances.length} stances` +
            (r.sameReportAs ? `, same report as ${r.sameReportAs.id} (similarity ${r.similarity?.toFixed(2)})` : '') +
            (r.newActorIds.length ? `, new actors: ${r.newActorIds.join(', ')}` : '') +
            (r.newProposalIds.length ? `, new proposals: ${r.newProposalIds.join(', ')}` : '');
        console.error(`${prefix}: ${r.article.id}: ${note}`);
        process.stdout.write(`${r.article.id}\n`);
      } catch (error) {
        totals.failed += 1;
        const code = (error as { code?: string }).code;
        console.error(
          `${prefix}: FAILED${code ? ` (${code})` : ''}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  } finally {
    await app.close();
  }
  const seconds = (Date.now() - started) / 1000;
  console.error(
    `\ningested ${totals.articles} of ${files.length} files in ${seconds.toFixed(1)} s (${(totals.articles / Math.max(seconds, 0.001)).toFixed(1)} articles/s): ` +
      `${totals.duplicates} already known, ${totals.reprints} reprints or revisions, ${totals.stances} stances backed, ` +
      `${totals.actors} new actors, ${totals.proposals} new proposals, ${totals.failed} failed`,
  );
  if (totals.failed > 0) process.exitCode = 1;
}

runAs('cli ingest', main).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
