import { Module } from '@nestjs/common';
import { AlignmentRepository } from './alignment.repository.js';
import { AlignmentResolver } from './alignment.resolver.js';
import { AlignmentService } from './alignment.service.js';

@Module({
  providers: [AlignmentRepository, AlignmentService, AlignmentResolver],
})
export class AlignmentModule {}
