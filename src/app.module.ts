import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerGuard, ThrottlerModule } from '@nestjs/throttler';
import { AuthModule } from './auth/auth.module';
import { SettingsModule } from './config/config.module';
import type { Settings } from './config/settings';
import { HEALTH_PROBES } from './health/health-probe';
import { HealthController } from './health/health.controller';
import { StorageModule } from './platform/storage.module';
import { ProjectionsModule } from './projections/projections.module';
import { ProjectsModule } from './projects/projects.module';

/** The whole application; `settings` are loaded and validated once, before this is built. */
@Module({})
export class AppModule {
  static forRoot(settings: Settings): DynamicModule {
    return {
      module: AppModule,
      imports: [
        SettingsModule.forRoot(settings),
        // Per-client request budget (RATE_LIMIT_PER_MINUTE; 0 turns it off). Over it: 429 with Retry-After.
        ThrottlerModule.forRoot({
          throttlers: [{ name: 'per-minute', ttl: 60_000, limit: Math.max(1, settings.rateLimitPerMinute) }],
          skipIf: () => settings.rateLimitPerMinute === 0,
        }),
        CqrsModule.forRoot(),
        StorageModule,
        ProjectionsModule,
        AuthModule,
        ProjectsModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: HEALTH_PROBES, useValue: [] }, { provide: APP_GUARD, useClass: ThrottlerGuard }],
    };
  }
}
