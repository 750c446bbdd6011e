import { Global, Module } from '@nestjs/common';
import { MetricsService } from './metrics.service.js';
import { RateLimitService } from './rate-limit.service.js';
import { ShutdownService } from './shutdown.service.js';

/** Operations: metrics, rate limits and graceful shutdown (logging and request ids are set up in app.setup.ts). */
@Global()
@Module({
  providers: [MetricsService, RateLimitService, ShutdownService],
  exports: [MetricsService, RateLimitService, ShutdownService],
})
export class OpsModule {}
