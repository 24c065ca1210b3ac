import type { RecordedEvent } from '../event-store/event-store.port';
import type { Projection } from '../projections/projection';
import type { PersonalDataVault } from './personal-data-vault';

/**
 * Applies every recorded erasure to the vault. The erasure command destroys the keys at once;
 * this makes sure it stays so: after a crash between the record and the destruction, after a
 * vault restored from an older backup, after a rebuild. Erasing twice is harmless, so it
 * needs no table of its own; only its checkpoint is kept.
 */
export class PersonalDataErasureProjection implements Projection {
  readonly name = 'personal_data_erasures';
  readonly version = 1;

  constructor(private readonly vault: PersonalDataVault) {}

  setup(): void {}

  reset(): void {}

  apply(_db: unknown, events: readonly RecordedEvent[]): void {
    for (const event of events) {
      if (event.type !== 'PersonalDataErased') continue;
      const { subjectId } = event.data as { subjectId: string };
      this.vault.erase(subjectId, event.metadata.recordedAt);
    }
  }
}
