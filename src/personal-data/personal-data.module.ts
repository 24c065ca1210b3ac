import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { SETTINGS, type Settings } from '../config/settings';
import { DATA_DIR_LOCK } from '../platform/storage.module';
import { personalDataProjections } from './personal-data-projections';
import { PersonalDataVault } from './personal-data-vault';

/** The personal-data vault of this DATA_DIR (personal-data-vault.ts), opened once it is locked. */
@Global()
@Module({
  providers: [
    {
      provide: PersonalDataVault,
      inject: [SETTINGS, DATA_DIR_LOCK],
      useFactory: (settings: Settings) => PersonalDataVault.open(settings.dataDir),
    },
    personalDataProjections,
  ],
  exports: [PersonalDataVault],
})
export class PersonalDataModule implements OnApplicationShutdown {
  constructor(@Inject(PersonalDataVault) private readonly vault: PersonalDataVault) {}

  onApplicationShutdown(): void {
    this.vault.close();
  }
}
