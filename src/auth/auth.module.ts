import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { JwtVerifier } from './jwt-verifier';

/**
 * Authentication for every route: import once in the app module (after SettingsModule,
 * which provides SETTINGS). Registers AuthGuard as a global guard; routes opt out with
 * @Public(). Exports JwtVerifier for whoever needs to verify a token by hand.
 */
@Module({
  providers: [JwtVerifier, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [JwtVerifier],
})
export class AuthModule {}
