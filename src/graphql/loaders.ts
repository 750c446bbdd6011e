import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { RepresentationRow } from '../actors/actors.repository.js';
import { ActorsService } from '../actors/actors.service.js';

/** Groups rows by a key, in the order of the keys asked for. */
export function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const byKey = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) byKey.get(keyOf(row))?.push(row);
  return keys.map((k) => byKey.get(k) ?? []);
}

/**
 * Batch loaders, made fresh for every request: nested fields of a list are
 * fetched with one Cypher statement per field, not one per row.
 */
export interface Loaders {
  representations: DataLoader<string, RepresentationRow[]>;
}

@Injectable()
export class LoadersFactory {
  constructor(private readonly actors: ActorsService) {}

  create(): Loaders {
    return {
      representations: new DataLoader(async (ids) => groupBy(ids, await this.actors.representations(ids), (r) => r.actorId)),
    };
  }
}
