import { Module } from '@nestjs/common';
import { ActorsModule } from '../actors/actors.module.js';
import { LoadersFactory } from './loaders.js';

/** What the GraphQL context needs: the per-request loaders and the services behind them. */
@Module({
  imports: [ActorsModule],
  providers: [LoadersFactory],
  exports: [LoadersFactory],
})
export class GraphqlSupportModule {}
