import neo4j, { type Integer } from 'neo4j-driver';
import type { PageArgs } from '../common/pagination/connection.js';

/**
 * The cursor and LIMIT a page statement takes: up to first + 1 rows after the
 * cursor (one more than the page, to learn whether another follows), or
 * (null, null) for every row.
 */
export function pageParams(page: PageArgs | null): { after: string | null; limit: Integer | null } {
  return { after: page?.after ?? null, limit: page ? neo4j.int(page.first + 1) : null };
}
