import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/request-context.js';
import { ActorsService } from './actors.service.js';
import { UpsertActorInput } from './dto/upsert-actor.input.js';
import { Actor, ActorConnection, ActorKind, Representation } from './models/actor.model.js';

@Resolver(() => Actor)
export class ActorsResolver {
  constructor(private readonly actorsService: ActorsService) {}

  @Query(() => Actor, { description: 'One actor by id (a slug such as "japan").' })
  actor(@Args('id', { type: () => ID }) id: string) {
    return this.actorsService.get(id);
  }

  @Query(() => ActorConnection, { description: 'All actors in id order, a page at a time.' })
  actors(
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 100 (default 20).' }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
    @Args('kind', { type: () => ActorKind, nullable: true }) kind?: ActorKind,
  ) {
    return this.actorsService.page(first, after, kind ?? null);
  }

  @Mutation(() => Actor, { description: 'Creates or updates an actor; the same input twice changes nothing.' })
  upsertActor(@Args('input') input: UpsertActorInput) {
    return this.actorsService.upsert(input);
  }

  @ResolveField(() => [Representation], { description: 'The states this actor speaks for, with the role.' })
  represents(@Parent() actor: Actor, @Context() ctx: RequestContext) {
    return ctx.loaders.representations.load(actor.id);
  }
}
