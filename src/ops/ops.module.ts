import { Module } from '@nestjs/common';
import { MetricsService } from './metrics.service.js';
import { ShutdownService } from './shutdown.service.js';

/** Operations: metrics and graceful shutdown (logging and request ids are set up in app.setup.ts). */
@Module({
  providers: [MetricsService, ShutdownService],
  exports: [MetricsService, ShutdownService],
})
export class OpsModule {}
