import { Module } from '@nestjs/common';
import { ShiftsModule } from '../shifts/shifts.module.js';
import { StancesModule } from '../stances/stances.module.js';
import { TimelineRepository } from './timeline.repository.js';
import { ActorTimelineResolver, ChangesResolver, ProposalTimelineResolver } from './timeline.resolver.js';
import { TimelineService } from './timeline.service.js';

/** Positions over time: a proposal's timeline and what is new since a date. */
@Module({
  imports: [StancesModule, ShiftsModule],
  providers: [TimelineRepository, TimelineService, ProposalTimelineResolver, ActorTimelineResolver, ChangesResolver],
})
export class TimelineModule {}
