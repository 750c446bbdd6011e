import { Injectable } from '@nestjs/common';
import neo4j from 'neo4j-driver';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import { Neo4jService, TxRunner } from '../neo4j/neo4j.service.js';
import { ActorKind, LIVE_STATUSES } from '../graph/vocabulary.js';
import type { ActorRow, ActorWrite, RepresentationRow } from '../graph/actor.row.js';
import type { PageArgs } from '../common/pagination/connection.js';
import { pageParams } from '../neo4j/page-params.js';
import type { StancePage } from '../graph/stance.row.js';

export interface ActorTimelineView {
  actor: ActorRow;
  representations: RepresentationRow[];
  /** A page of its live stances; null when not asked for. */
  stances: StancePage | null;
}

@Injectable()
export class ActorsRepository {
  private readonly q: Record<
    'findByIds' | 'page' | 'count' | 'upsert' | 'representations' | 'timelineView' | 'addAliases',
    string
  >;

  constructor(
    private readonly neo4j: Neo4jService,
    cypher: CypherRegistry,
  ) {
    this.q = cypher.load({
      findByIds: 'actors/find-by-ids',
      page: 'actors/page',
      count: 'actors/count',
      upsert: 'actors/upsert',
      addAliases: 'actors/add-aliases',
      representations: 'actors/representations',
      timelineView: 'actors/timeline-view',
    });
  }

  /** One statement (actors/timeline-view): an actor, the states it speaks for and, page given, a page of its live stances. */
  async timelineView(id: string, page: PageArgs | null, withSourceCount: boolean): Promise<ActorTimelineView | null> {
    const [row] = await this.neo4j.read<ActorTimelineView>(this.q.timelineView, {
      id,
      withStances: page !== null,
      withSourceCount,
      ...pageParams(page),
      liveStatuses: LIVE_STATUSES,
    });
    return row ?? null;
  }

  findByIds(ids: readonly string[]): Promise<ActorRow[]> {
    return this.neo4j.read<ActorRow>(this.q.findByIds, { ids });
  }

  page(after: string | null, first: number, kind: ActorKind | null): Promise<ActorRow[]> {
    return this.neo4j.read<ActorRow>(this.q.page, { after, limit: neo4j.int(first + 1), kind });
  }

  async count(kind: ActorKind | null): Promise<number> {
    const [row] = await this.neo4j.read<{ count: number }>(this.q.count, { kind });
    return row.count;
  }

  /** The one write of actors (cypher/actors/upsert.cypher), inside a caller's transaction: a batch from ingestion or the demo graph. */
  upsert(tx: TxRunner, rows: ActorWrite[]): Promise<ActorRow[]> {
    return rows.length > 0 ? tx.run<ActorRow>(this.q.upsert, { rows }) : Promise.resolve([]);
  }

  /** One actor in its own transaction, by the same statement; null when a actor it names does not exist (nothing written). */
  /** Adds aliases (each with its name key) to one node, but none another node (bar `except`) is named by; returns those added. */
  async addAliases(
    tx: TxRunner,
    id: string,
    aliases: Array<{ alias: string; key: string }>,
    except: string | null,
  ): Promise<string[]> {
    if (aliases.length === 0) return [];
    const [row] = await tx.run<{ added: string[] }>(this.q.addAliases, { id, aliases, except });
    return row?.added ?? [];
  }

  async upsertOne(row: ActorWrite): Promise<ActorRow | null> {
    const [written] = await this.neo4j.writeTransaction((tx) => this.upsert(tx, [row]));
    return written ?? null;
  }

  representations(actorIds: readonly string[]): Promise<RepresentationRow[]> {
    return this.neo4j.read<RepresentationRow>(this.q.representations, { ids: actorIds });
  }
}
