/**
 * Article metadata: fields given by the caller, an inline date header at the
 * start of the text (" date 2019-04-02 The ..."), and the optional
 * `key: value` header of plain-text files ended by a `---` line.
 */
import type { ArticleMetadata } from './types.js';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** 'YYYY-MM-DD' or 'YYYY-MM' when valid, else null. */
export function cleanDate(value: string | null | undefined): string | null {
  if (value == null) return null;
  const v = value.trim();
  let m = ISO_DAY.exec(v);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dt = new Date(Date.UTC(y, mo - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d ? v : null;
  }
  m = ISO_MONTH.exec(v);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return v;
  return null;
}

const INLINE_HEADER = /^\s*(?:date|published|dated)\s*:?\s+(\d{4}-\d{2}(?:-\d{2})?)\b\s*/i;

/** Strip an inline date header from the start of a (normalised) text. */
export function stripInlineHeader(text: string): { body: string; publishedOn: string | null } {
  const m = INLINE_HEADER.exec(text);
  if (!m) return { body: text, publishedOn: null };
  const date = cleanDate(m[1]);
  if (!date) return { body: text, publishedOn: null };
  return { body: text.slice(m[0].length), publishedOn: date };
}

const clean = (v: string | null | undefined): string | null => {
  const t = v?.trim();
  return t ? t : null;
};

/**
 * Merge given fields with what the text itself says. Given fields win; the
 * inline header only fills a missing publication date. Returns the body with
 * the header removed.
 */
export function resolveMetadata(
  text: string,
  given: { url?: string | null; outlet?: string | null; title?: string | null; publishedOn?: string | null },
): { body: string; metadata: ArticleMetadata } {
  const { body, publishedOn: inline } = stripInlineHeader(text);
  return {
    body,
    metadata: {
      url: clean(given.url),
      outlet: clean(given.outlet),
      title: clean(given.title),
      publishedOn: cleanDate(given.publishedOn) ?? inline,
    },
  };
}

const HEADER_KEYS: Record<string, keyof ArticleMetadata> = {
  url: 'url',
  link: 'url',
  source: 'url',
  outlet: 'outlet',
  publisher: 'outlet',
  title: 'title',
  headline: 'title',
  published: 'publishedOn',
  publishedon: 'publishedOn',
  date: 'publishedOn',
};

export interface ParsedTextFile {
  metadata: Partial<ArticleMetadata>;
  text: string;
}

const HEADER_KEY = /^[A-Za-z][A-Za-z_ -]*$/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

/**
 * A `key: value` line split at its first colon: what
 * /^([A-Za-z][A-Za-z_ -]*?)\s*:\s*(.*)$/ matches, without that pattern's
 * retries (its lazy key and the spaces around the colon can split a long
 * run of spaces every way before failing).
 */
export function headerLine(line: string): [key: string, value: string] | null {
  const colon = line.indexOf(':');
  if (colon < 0) return null;
  const key = line.slice(0, colon).trimEnd();
  if (!HEADER_KEY.test(key)) return null;
  const value = line.slice(colon + 1).trimStart();
  return LINE_BREAK.test(value) ? null : [key, value];
}

/**
 * Parse a plain-text article file. An optional header of `key: value` lines
 * (url, outlet, title, published) ends with a line `---`; without that
 * closing line the whole file is the text.
 */
export function parseTextFile(content: string): ParsedTextFile {
  const lines = content.replace(/^\ufeff/, '').split(/\r?\n/);
  const metadata: Partial<ArticleMetadata> = {};
  let i = 0;
  while (i < lines.length && lines[i].trim() === '') i++;
  for (; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '---') {
      return { metadata, text: lines.slice(i + 1).join('\n') };
    }
    const m = headerLine(line);
    const key = m ? HEADER_KEYS[m[0].toLowerCase().replace(/[\s_-]/g, '')] : undefined;
    if (!m || !key) break;
    const value = m[1].trim();
    if (key === 'publishedOn') metadata.publishedOn = cleanDate(value);
    else metadata[key] = value || null;
  }
  return { metadata: {}, text: content };
}
