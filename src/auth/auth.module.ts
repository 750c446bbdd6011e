import { Global, Module } from '@nestjs/common';
import { AuthService } from './auth.service.js';

/** Bearer-token authentication; the policy (who may do what) is in policy.ts. */
@Global()
@Module({
  providers: [AuthService],
  exports: [AuthService],
})
export class AuthModule {}
