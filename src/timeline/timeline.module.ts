import { Module } from '@nestjs/common';
import { TimelineRepository } from './timeline.repository.js';
import { ActorTimelineResolver, ChangesResolver, ProposalTimelineResolver } from './timeline.resolver.js';
import { TimelineService } from './timeline.service.js';

/** Positions over time: a proposal's timeline and what is new since a date. */
@Module({
  providers: [TimelineRepository, TimelineService, ProposalTimelineResolver, ActorTimelineResolver, ChangesResolver],
})
export class TimelineModule {}
