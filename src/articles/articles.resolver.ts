import { Args, Context, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../graph/request-context.js';
import { ArticlesService } from './articles.service.js';
import { Article } from './models/article.model.js';

@Resolver(() => Article)
export class ArticlesResolver {
  constructor(private readonly articlesService: ArticlesService) {}

  @Query(() => Article, {
    description: 'One article by id, with what it contributed to the graph; NOT_FOUND when there is none.',
  })
  article(@Args('id', { type: () => ID, description: 'The article id ("art-…").' }) id: string) {
    return this.articlesService.get(id);
  }

  @ResolveField(() => String, {
    nullable: true,
    description:
      'The text as it was ingested (normalised; every evidence span and mark points into it); null for an article only cited by reference.',
  })
  text(@Parent() article: Article) {
    return this.articlesService.text(article.id);
  }

  @ResolveField(() => [Article], {
    description:
      "Other articles carrying the same report (reprints, revisions): their evidence and this article's count as one source.",
  })
  async sameReportAs(@Parent() article: Article, @Context() ctx: RequestContext) {
    const rows = await ctx.loaders.articles.loadMany(article.sameReportIds ?? []);
    return rows.filter((r) => r && !(r instanceof Error));
  }
}
