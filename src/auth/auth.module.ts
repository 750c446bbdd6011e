import { Global, Module } from '@nestjs/common';
import { AuthService } from './auth.service.js';
import { RateLimitService } from './rate-limit.service.js';

/** Bearer-token authentication and the rate limits on access; the policy (who may do what) is in policy.ts. */
@Global()
@Module({
  providers: [AuthService, RateLimitService],
  exports: [AuthService, RateLimitService],
})
export class AuthModule {}
