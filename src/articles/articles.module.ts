import { Module } from '@nestjs/common';
import { ArticlesRepository } from './articles.repository.js';
import { ArticlesResolver } from './articles.resolver.js';
import { ArticlesService } from './articles.service.js';

@Module({
  providers: [ArticlesRepository, ArticlesService, ArticlesResolver],
  exports: [ArticlesService, ArticlesRepository],
})
export class ArticlesModule {}
