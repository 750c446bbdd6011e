import { Injectable } from '@nestjs/common';
import neo4j from 'neo4j-driver';
import { CypherRegistry } from '../neo4j/cypher-registry.js';
import type { PageArgs } from '../common/pagination/connection.js';
import { pageParams } from '../neo4j/page-params.js';
import type { StancePage } from '../stances/stances.repository.js';
import { Neo4jService } from '../neo4j/neo4j.service.js';
import { ActorKind } from './models/actor.model.js';

export interface ActorRow {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[];
}

export interface RepresentationRow {
  actorId: string;
  state: ActorRow;
  role: string | null;
}

export interface ActorTimelineView {
  actor: ActorRow;
  representations: RepresentationRow[];
  /** A page of its live stances; null when not asked for. */
  stances: StancePage | null;
}

export interface ActorWrite {
  id: string;
  name: string;
  kind: ActorKind;
  aliases: string[] | null;
  nameKeys: string[];
  representsId: string | null;
  role: string | null;
}

@Injectable()
export class ActorsRepository {
  private readonly q: Record<'findByIds' | 'page' | 'count' | 'upsert' | 'representations' | 'timelineView', string>;

  constructor(
    private readonly neo4j: Neo4jService,
    cypher: CypherRegistry,
  ) {
    this.q = cypher.load({
      findByIds: 'actors/find-by-ids',
      page: 'actors/page',
      count: 'actors/count',
      upsert: 'actors/upsert',
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

  /** Returns null when the state it should represent does not exist (nothing is written then). */
  async upsert(actor: ActorWrite): Promise<ActorRow | null> {
    const rows = await this.neo4j.write<ActorRow>(this.q.upsert, { ...actor });
    return rows[0] ?? null;
  }

  representations(actorIds: readonly string[]): Promise<RepresentationRow[]> {
    return this.neo4j.read<RepresentationRow>(this.q.representations, { ids: actorIds });
  }
}
