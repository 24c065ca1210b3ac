import type { RecordedEvent } from '../../../src/event-store/event-store.port';
import { projectStreamId } from '../../../src/projects/application/project-stream';
import type { ProjectEvent } from '../../../src/projects/domain/project.events';
import { PROJECT_ID } from './project-fixtures';

/**
 * The events of the default project (`PROJECT_ID`) as the event store records them, numbered
 * on after the `from` events already in the stream: version and position `from + 1` onwards,
 * recorded a second apart on 2024-06-01 by a district officer. What a projection is fed.
 */
export function recordedProjectEvents(events: readonly ProjectEvent[], from = 0): RecordedEvent[] {
  return events.map((event, index) => {
    const number = from + index + 1;
    return {
      eventId: `e-${number}`,
      streamId: projectStreamId(PROJECT_ID),
      version: number,
      position: BigInt(number),
      type: event.type,
      data: event.data,
      metadata: {
        commandId: `c-${number}`,
        actor: { sub: 'u-1', name: 'Nguyễn Văn A', role: 'district_officer' },
        occurredOn: '2024-06-01',
        schemaVersion: 1,
        recordedAt: `2024-06-01T01:00:${String((number - 1) % 60).padStart(2, '0')}.000Z`,
        prevHash: '0'.repeat(64),
        hash: '0'.repeat(64),
      },
    };
  });
}
