import { badInput } from './errors/error-code.js';
import { slugify } from '../extraction/index.js';
import { isIsoDate } from './scalars/iso.js';

/** Limits on what a client may send; past them the input is refused, not truncated. */
export const LIMITS = {
  name: 200,
  alias: 200,
  aliases: 50,
  role: 300,
  cue: 300,
  condition: 500,
  conditions: 10,
  quote: 2000,
  summary: 2000,
  url: 2000,
  id: 120,
  pageSize: 100,
  evidence: 50,
  marks: 20,
} as const;

// Control characters other than tab and newline have no place in names or quotes.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A trimmed, non-empty string of bounded length without control characters. */
export function requireText(field: string, value: string | null | undefined, max: number): string {
  if (typeof value !== 'string') throw badInput(field, 'is required');
  const trimmed = value.trim();
  if (trimmed === '') throw badInput(field, 'must not be empty');
  if (trimmed.length > max) throw badInput(field, `must be at most ${max} characters (got ${trimmed.length})`);
  if (CONTROL.test(trimmed)) throw badInput(field, 'must not contain control characters');
  return trimmed;
}

export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  if (value === null || value === undefined) return null;
  return requireText(field, value, max);
}

/**
 * An article's address: an absolute http(s) URL, or nothing. Other schemes
 * (javascript:, data:, file:) would become live links in the analyst view,
 * the IDE and every export a reader opens.
 */
export function optionalHttpUrl(field: string, value: string | null | undefined): string | null {
  const text = optionalText(field, value, LIMITS.url);
  if (text === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    throw badInput(field, 'must be an absolute http:// or https:// URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw badInput(field, `must be an http:// or https:// URL (got ${parsed.protocol})`);
  return text;
}

export function textList(
  field: string,
  values: string[] | null | undefined,
  maxItems: number,
  maxLength: number,
): string[] | null {
  if (values === null || values === undefined) return null;
  if (values.length > maxItems) throw badInput(field, `must have at most ${maxItems} entries (got ${values.length})`);
  const out: string[] = [];
  values.forEach((v, i) => {
    const text = requireText(`${field}[${i}]`, v, maxLength);
    if (!out.includes(text)) out.push(text);
  });
  return out;
}

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** Ids are slugs: lower-case letters, digits and hyphens. */
export function requireId(field: string, value: string | null | undefined): string {
  const text = requireText(field, value, LIMITS.id);
  if (!ID.test(text)) throw badInput(field, `"${text}" is not a valid id (lower-case letters, digits and hyphens)`);
  return text;
}

/** The id a client gave, or the slug of the name when it gave none. */
export function idOrSlug(field: string, id: string | null | undefined, name: string): string {
  if (id !== null && id !== undefined) return requireId(field, id);
  const slug = slugify(name);
  if (slug === '') throw badInput('name', 'must contain at least one letter or digit');
  return slug.slice(0, LIMITS.id);
}

/**
 * An ISO date at day ("2021-10-19") or month ("2021-10") precision. Kept as a
 * string: month precision is a fact about the source, not a day we invent.
 * GraphQL arguments are Date scalars, checked where they enter; this is for
 * values that come in other ways (the CLI, the demo file, export URLs).
 */
export function optionalIsoDate(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (isIsoDate(text)) return text;
  throw badInput(field, `"${text.slice(0, 40)}" is not an ISO date (YYYY-MM-DD or YYYY-MM)`);
}

export function pageSize(field: string, value: number | null | undefined, fallback = 20): number {
  if (value === null || value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1 || value > LIMITS.pageSize) {
    throw badInput(field, `must be a whole number from 1 to ${LIMITS.pageSize}`);
  }
  return value;
}

/** The key names are matched by: case, accents, spaces, hyphens and dots do not count. */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[^a-z0-9]/g, '');
}

/**
 * The keys a node is found by (Actor.nameKeys, Proposal.nameKeys): the
 * nameKey of its name and of each alias, once each. The one place they are
 * made, for analysts' writes, ingestion, the demo graph and the bench data.
 */
export function nameKeysOf(name: string, aliases: readonly string[] | null | undefined): string[] {
  return [...new Set([name, ...(aliases ?? [])].map(nameKey).filter((k) => k !== ''))];
}
