import { Injectable } from '@nestjs/common';
import { notFound } from '../common/errors/error-code.js';
import { Connection, decodeCursor, PageArgs, toConnection } from '../common/pagination/connection.js';
import {
  idOrSlug,
  LIMITS,
  nameKeysOf,
  optionalText,
  pageSize,
  requireId,
  requireText,
  textList,
} from '../common/validation.js';
import { ActorsRepository, ActorTimelineView } from './actors.repository.js';
import { UpsertActorInput } from './dto/upsert-actor.input.js';
import { ActorRow, RepresentationRow } from '../graph/actor.row.js';
import { ActorKind, ANALYST_ROW } from '../graph/vocabulary.js';

@Injectable()
export class ActorsService {
  constructor(private readonly repository: ActorsRepository) {}

  /** An actor with its roles and (page given) a page of its timeline, read ahead (see ActorsResolver.actor). */
  async getWithTimeline(id: string, page: PageArgs | null, withSourceCount: boolean): Promise<ActorTimelineView> {
    const actorId = requireId('id', id);
    const view = await this.repository.timelineView(actorId, page, withSourceCount);
    if (!view) throw notFound('actor', actorId);
    return view;
  }

  async get(id: string): Promise<ActorRow> {
    const actorId = requireId('id', id);
    const [actor] = await this.repository.findByIds([actorId]);
    if (!actor) throw notFound('actor', actorId);
    return actor;
  }

  findByIds(ids: readonly string[]): Promise<ActorRow[]> {
    return this.repository.findByIds(ids);
  }

  async page(
    first: number | null | undefined,
    after: string | null | undefined,
    kind: ActorKind | null,
  ): Promise<Connection<ActorRow>> {
    const size = pageSize('first', first);
    const afterId = decodeCursor('after', after);
    const [rows, total] = await Promise.all([this.repository.page(afterId, size, kind), this.repository.count(kind)]);
    return toConnection(rows, { first: size, after: afterId }, total, (row) => row.id);
  }

  async upsert(input: UpsertActorInput): Promise<ActorRow> {
    const name = requireText('name', input.name, LIMITS.name);
    const id = idOrSlug('id', input.id, name);
    const aliases = textList('aliases', input.aliases, LIMITS.aliases, LIMITS.alias);
    const representsId = input.represents ? requireId('represents.stateId', input.represents.stateId) : null;
    const role = input.represents ? optionalText('represents.role', input.represents.role, LIMITS.role) : null;
    const actor = await this.repository.upsertOne({
      id,
      name,
      kind: input.kind,
      aliases,
      nameKeys: nameKeysOf(name, aliases),
      representsId,
      role,
      ...ANALYST_ROW,
    });
    if (!actor) throw notFound('actor', representsId ?? '');
    return actor;
  }

  representations(actorIds: readonly string[]): Promise<RepresentationRow[]> {
    return this.repository.representations(actorIds);
  }
}
