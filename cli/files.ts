import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The files named, and every file below the folders named, in a stable order; hidden files skipped. */
export function listArticleFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    if (statSync(path).isDirectory()) {
      const entries = readdirSync(path)
        .filter((e) => !e.startsWith('.'))
        .sort();
      out.push(...listArticleFiles(entries.map((e) => join(path, e))).filter((f) => /\.(txt|text|md)$/i.test(f)));
    } else {
      out.push(path);
    }
  }
  return out;
}
