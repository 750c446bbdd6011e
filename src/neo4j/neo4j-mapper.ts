import { isInt, Integer, isDate, isDateTime, Record as Neo4jRecord } from 'neo4j-driver';

/**
 * The one place where driver values become plain values: a safe Integer
 * becomes a number, temporals become ISO strings, nodes and relationships
 * their properties. Repositories return what this gives them.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  // Strings, numbers and booleans, most of every row, are plain already.
  if (typeof value !== 'object') return value;
  if (isInt(value)) {
    const int = value as Integer;
    return int.inSafeRange() ? int.toNumber() : int.toString();
  }
  if (isDate(value as object) || isDateTime(value as object)) return (value as { toString(): string }).toString();
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const v = value as { properties?: unknown; labels?: unknown; type?: unknown };
    if (v.properties && (v.labels || v.type)) return toPlain(v.properties);
    const out: Record<string, unknown> = {};
    for (const [k, inner] of Object.entries(value)) out[k] = toPlain(inner);
    return out;
  }
  return value;
}

export function recordToObject<T>(record: Neo4jRecord): T {
  const out: Record<string, unknown> = {};
  for (const key of record.keys) out[key as string] = toPlain(record.get(key));
  return out as T;
}
