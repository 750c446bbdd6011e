import { Global, Module } from '@nestjs/common';
import { ActorShiftsResolver, ShiftsResolver, StanceShiftResolver } from './shifts.resolver.js';
import { ShiftsRepository } from './shifts.repository.js';
import { ShiftsService } from './shifts.service.js';

/**
 * The SUPERSEDES chain and its shifts. Global because every stance write path
 * (StancesService, ActorMergeService) relinks inside its own transaction.
 */
@Global()
@Module({
  providers: [ShiftsRepository, ShiftsService, ShiftsResolver, ActorShiftsResolver, StanceShiftResolver],
  exports: [ShiftsService],
})
export class ShiftsModule {}
