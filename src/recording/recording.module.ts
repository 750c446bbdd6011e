import { Module } from '@nestjs/common';
import { ActorsModule } from '../actors/actors.module.js';
import { ArticlesModule } from '../articles/articles.module.js';
import { LiveEventsModule } from '../live/live-events.module.js';
import { ProposalsModule } from '../proposals/proposals.module.js';
import { ShiftsModule } from '../shifts/shifts.module.js';
import { StancesModule } from '../stances/stances.module.js';
import { ActorMergeService } from './actor-merge.service.js';
import { ProposalMergeService } from './proposal-merge.service.js';
import { RecordingResolver } from './recording.resolver.js';
import { RecordingService } from './recording.service.js';
import { StanceWriter } from './stance-writer.js';

/** The one write path of stances (StanceWriter) and the mutations that use it; ingestion and the demo loader import it. */
@Module({
  imports: [ActorsModule, ProposalsModule, ArticlesModule, StancesModule, ShiftsModule, LiveEventsModule],
  providers: [StanceWriter, RecordingService, ActorMergeService, ProposalMergeService, RecordingResolver],
  exports: [StanceWriter, RecordingService],
})
export class RecordingModule {}
