import { Global, Module, type DynamicModule, type Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { SettingsModule } from './config/config.module';
import type { Settings } from './config/settings';
import { HEALTH_PROBES } from './health/health-probe';
import { HealthController } from './health/health.controller';
import { ConsoleModule } from './console/console.module';
import { InboxModule } from './inbox/inbox.module';
import { KernelModule } from './kernel/kernel.module';
import { PlansModule } from './plans/plans.module';
import { Clock } from './platform/clock';
import { StorageModule } from './platform/storage.module';
import { PersonalDataModule } from './personal-data/personal-data.module';
import { ProjectionsAdminModule } from './projections/projections-admin.module';
import { ProjectionsModule } from './projections/projections.module';
import { ProgrammesModule } from './programmes/programmes.module';
import { ProjectPortsModule } from './projects/project-ports.module';
import { ProjectsModule } from './projects/projects.module';
import { ReportsModule } from './reports/reports.module';
import { REMINDER_HEALTH_PROBES } from './reminders/reminders.health';
import { RemindersModule } from './reminders/reminders.module';
import { ReferenceDataModule } from './reference-data/reference-data.module';

export interface AppModuleOptions {
  /** Replaces the system clock everywhere (the demo replays past years on a clock it moves). */
  readonly clock?: Clock;
}

/**
 * A global module providing the given clock, to be found before StorageModule's SystemClock.
 * Nest binds global modules in the order it registers them, and registers plain module
 * classes before dynamic modules (those take extra asynchronous steps); so this is a plain
 * @Global() class, made per clock and listed first.
 */
function clockOverride(clock: Clock): Type {
  @Global()
  @Module({ providers: [{ provide: Clock, useValue: clock }], exports: [Clock] })
  class ClockOverrideModule {}
  return ClockOverrideModule;
}

/** The whole application; `settings` are loaded and validated once, before this is built. */
@Module({})
export class AppModule {
  static forRoot(settings: Settings, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ...(options.clock ? [clockOverride(options.clock)] : []),
        SettingsModule.forRoot(settings),
        CqrsModule.forRoot(),
        StorageModule,
        KernelModule,
        PersonalDataModule,
        ProjectionsModule,
        ProjectionsAdminModule,
        AuthModule,
        ProjectPortsModule,
        ProjectsModule,
        ProgrammesModule,
        PlansModule,
        AuditModule,
        ReportsModule,
        InboxModule,
        RemindersModule,
        ReferenceDataModule,
        ConsoleModule,
      ],
      controllers: [HealthController],
      providers: [{ provide: HEALTH_PROBES, useExisting: REMINDER_HEALTH_PROBES }],
    };
  }
}
