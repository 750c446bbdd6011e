import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../graph/request-context.js';
import { readAheadPage, selects } from '../graphql/lookahead.js';
import { ActorsService } from './actors.service.js';
import { UpsertActorInput } from './dto/upsert-actor.input.js';
import { Actor, ActorConnection, Representation } from './models/actor.model.js';
import { ActorKind } from '../graph/vocabulary.js';
import { FIRST_ARG, AFTER_ARG, connectionOf } from '../common/pagination/connection.js';
import { READ_AHEAD_STANCES } from '../graph/actor.row.js';

@Resolver(() => Actor)
export class ActorsResolver {
  constructor(private readonly actorsService: ActorsService) {}

  @Query(() => Actor, { description: 'One actor by id (a slug such as "japan"); NOT_FOUND when there is none.' })
  async actor(
    @Args('id', { type: () => ID, description: 'The actor\'s id, e.g. "japan".' }) id: string,
    @Context() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const page = readAheadPage(info, 'stances');
    if (!page && !selects(info, 'represents')) return this.actorsService.get(id);
    // The roles and (if asked, without filters) a page of the timeline in the
    // same statement as the actor; the fields below find them cached.
    const withSourceCount =
      page !== null &&
      (selects(info, 'stances', 'nodes', 'sourceCount') || selects(info, 'stances', 'edges', 'node', 'sourceCount'));
    const { actor, representations, stances } = await this.actorsService.getWithTimeline(id, page, withSourceCount);
    if (!page || !stances) {
      ctx.loaders.primeStancesOfActor(actor, representations, null);
      return actor;
    }
    ctx.loaders.primeStancesOfActor(actor, representations, { page, stances });
    // Every stances field under this one asks for that page (readAheadPage): it answers from the
    // copy returned here, without a resolver call. A copy: the row the loaders hold, which other
    // fields of the query may reach and ask other pages of, carries no page.
    return { ...actor, [READ_AHEAD_STANCES]: connectionOf(stances, page) };
  }

  @Query(() => ActorConnection, { description: 'All actors in id order, a page at a time.' })
  actors(
    @Args('first', FIRST_ARG)
    first?: number,
    @Args('after', AFTER_ARG)
    after?: string,
    @Args('kind', { type: () => ActorKind, nullable: true, description: 'Only actors of this kind; all when omitted.' })
    kind?: ActorKind,
  ) {
    return this.actorsService.page(first, after, kind ?? null);
  }

  @Mutation(() => Actor, { description: 'Creates or updates an actor; the same input twice changes nothing.' })
  upsertActor(@Args('input', { description: 'The actor as it should be.' }) input: UpsertActorInput) {
    return this.actorsService.upsert(input);
  }

  @ResolveField(() => [Representation], {
    description: 'The states this actor speaks for, with the role; empty for a state.',
  })
  represents(@Parent() actor: Actor, @Context() ctx: RequestContext) {
    return ctx.loaders.representations.load(actor.id);
  }
}
