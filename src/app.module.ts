import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
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
        CqrsModule.forRoot(),
        StorageModule,
        ProjectionsModule,
        AuthModule,
        ProjectsModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: HEALTH_PROBES, useValue: [] }],
    };
  }
}
