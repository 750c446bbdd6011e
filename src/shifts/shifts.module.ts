import { Module } from '@nestjs/common';
import { ActorShiftsResolver, ShiftsResolver, StanceShiftResolver } from './shifts.resolver.js';
import { ShiftsRepository } from './shifts.repository.js';
import { ShiftsService } from './shifts.service.js';

/** The SUPERSEDES chain's shifts: reads, and the statements StanceWriter relinks chains with. */
@Module({
  providers: [ShiftsRepository, ShiftsService, ShiftsResolver, ActorShiftsResolver, StanceShiftResolver],
  exports: [ShiftsService, ShiftsRepository],
})
export class ShiftsModule {}
