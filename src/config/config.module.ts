import { Global, Module, type DynamicModule } from '@nestjs/common';
import { loadSettingsFromEnvironment, SETTINGS, type Settings } from './settings';

/**
 * Provides the validated `Settings` under the `SETTINGS` token, everywhere (global).
 *
 *   SettingsModule.forRoot()            reads process.env once (and the dev secret file)
 *   SettingsModule.forRoot(settings)    uses settings already loaded (main.ts, tests)
 *
 * Inject with `@Inject(SETTINGS) private readonly settings: Settings`.
 */
@Global()
@Module({})
export class SettingsModule {
  static forRoot(settings?: Settings): DynamicModule {
    return {
      module: SettingsModule,
      providers: [
        settings
          ? { provide: SETTINGS, useValue: settings }
          : { provide: SETTINGS, useFactory: () => loadSettingsFromEnvironment() },
      ],
      exports: [SETTINGS],
    };
  }
}
