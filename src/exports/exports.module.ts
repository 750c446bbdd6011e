import { Module } from '@nestjs/common';
import { ExportsController } from './exports.controller.js';
import { ExportsResolver } from './exports.resolver.js';
import { ExportsService } from './exports.service.js';

@Module({
  controllers: [ExportsController],
  providers: [ExportsService, ExportsResolver],
})
export class ExportsModule {}
