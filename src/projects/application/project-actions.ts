import { Inject, Injectable } from '@nestjs/common';
import { actorsOf, type Principal } from '../../auth/principal';
import { Clock } from '../../platform/clock';
import { ReferenceDataService } from '../../reference-data/reference-data.service';
import { availableProjectActions, type AvailableAction } from '../domain/project.actions';
import type { ProjectRules } from '../domain/project.context';
import type { ProjectState } from '../domain/project.state';
import { advanceRoomOn } from '../domain/project.money-rules';
import type { ProjectDetails } from '../read-models/project-details';
import { PROJECT_RULES } from './project-aggregate';

/** The actions a caller may take on a project now, with today's reference data and rules. */
@Injectable()
export class ProjectActions {
  constructor(
    @Inject(PROJECT_RULES) private readonly rules: ProjectRules,
    private readonly referenceData: ReferenceDataService,
    private readonly clock: Clock,
  ) {}

  for(state: ProjectState, principal: Principal): AvailableAction[] {
    return availableProjectActions(state, actorsOf(principal), {
      today: this.clock.today(),
      reference: this.referenceData.current(),
      rules: this.rules,
    });
  }

  /** The advance cap in force today on the project's approved funding, and what is left of it. */
  advanceRoom(details: ProjectDetails) {
    return advanceRoomOn(details, this.referenceData.current(), this.rules, this.clock.today());
  }
}
