import { Module } from '@nestjs/common';
import { ActorsRepository } from './actors.repository.js';
import { ActorsResolver } from './actors.resolver.js';
import { ActorsService } from './actors.service.js';

@Module({
  providers: [ActorsRepository, ActorsService, ActorsResolver],
  exports: [ActorsService, ActorsRepository],
})
export class ActorsModule {}
