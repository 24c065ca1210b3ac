import { Module, type DynamicModule } from '@nestjs/common';
import { SettingsModule } from '../config/config.module';
import type { Settings } from '../config/settings';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { StorageModule } from '../platform/storage.module';
import { ProjectionsModule } from '../projections/projections.module';

/**
 * The event store, the personal-data vault (the erasure projection applies recorded erasures
 * to it) and the read models without HTTP: what maintenance commands need.
 */
@Module({})
export class MaintenanceModule {
  static forRoot(settings: Settings): DynamicModule {
    return {
      module: MaintenanceModule,
      imports: [
        SettingsModule.forRoot(settings),
        StorageModule,
        PersonalDataModule,
        ProjectionsModule,
      ],
    };
  }
}
