import { Module, type DynamicModule } from '@nestjs/common';
import { SettingsModule } from '../config/config.module';
import type { Settings } from '../config/settings';
import { PersonalDataModule } from '../personal-data/personal-data.module';
import { StorageModule } from '../platform/storage.module';
import { PlanReadModelsModule } from '../plans/read-models/plan-read-models.module';
import { ProjectionsModule } from '../projections/projections.module';
import { ProgrammeReadModelsModule } from '../programmes/read-models/programme-read-models.module';
import { ProjectReadModelsModule } from '../projects/read-models/project-read-models.module';

/**
 * The event store, the personal-data vault (the erasure projection applies recorded erasures
 * to it) and every feature's read models without HTTP: what maintenance commands need.
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
        ProjectReadModelsModule,
        ProgrammeReadModelsModule,
        PlanReadModelsModule,
      ],
    };
  }
}
