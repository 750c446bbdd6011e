import { Module } from '@nestjs/common';
import { StancesModule } from '../stances/stances.module.js';
import { ActorMergeService } from './actor-merge.service.js';
import { ActorsRepository } from './actors.repository.js';
import { ActorsResolver } from './actors.resolver.js';
import { ActorsService } from './actors.service.js';

@Module({
  imports: [StancesModule],
  providers: [ActorsRepository, ActorsService, ActorsResolver, ActorMergeService],
  exports: [ActorsService],
})
export class ActorsModule {}
