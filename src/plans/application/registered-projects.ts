import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port';
import { projectStreamId } from '../../projects/application/project-stream';
import { projectDecider } from '../../projects/domain/project.decider';
import { projectView } from '../../projects/domain/project.view';
import { projectSerde } from '../../projects/project.serde';
import { replay } from '../../shared/decider';
import { ruleBroken } from '../../shared/domain-error';

/**
 * A district's registration lists its own projects for the plan's year. The plan's decider
 * cannot see projects, so the application checks each id against the project's stream. The
 * answer is the same whether the project is missing or another district's, so a district
 * officer learns nothing about other districts.
 */
@Injectable()
export class RegisteredProjects {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async requireAllOf(district: string, year: number, projectIds: readonly string[]): Promise<void> {
    for (const [i, projectId] of projectIds.entries()) {
      const recorded = await this.store.readStream(projectStreamId(projectId));
      const view = projectView(
        replay(
          projectDecider,
          recorded.map((e) => projectSerde.deserialize(e)),
        ),
      );
      if (!view || view.district !== district || view.planYear !== year) {
        throw ruleBroken(
          'project_not_in_district_year',
          `${projectId} is not a project registered by ${district} for ${year}`,
          `projectIds[${i}]`,
        );
      }
    }
  }
}
