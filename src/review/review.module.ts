import { Module } from '@nestjs/common';
import { RecordingModule } from '../recording/recording.module.js';
import { StancesModule } from '../stances/stances.module.js';
import { ReviewRepository } from './review.repository.js';
import { ReviewResolver } from './review.resolver.js';
import { ReviewService } from './review.service.js';

/** The review desk's API: the queue, amendments, bulk decisions. */
@Module({
  imports: [RecordingModule, StancesModule],
  providers: [ReviewRepository, ReviewService, ReviewResolver],
})
export class ReviewModule {}
