import { Injectable } from '@nestjs/common';
import { AggregateReader } from '../../kernel/aggregate-reader';
import type {
  ProjectRegistration,
  RegisteredProjects,
} from '../../plans/application/registered-projects.port';
import { projectView } from '../domain/project.view';
import { projectAggregateType } from '../project.aggregate';

/** The projects' side of the plans' port: where a project was registered, from its stream. */
@Injectable()
export class RegisteredProjectsFromStreams implements RegisteredProjects {
  constructor(private readonly reader: AggregateReader) {}

  async registrationOf(projectId: string): Promise<ProjectRegistration | undefined> {
    const view = projectView(await this.reader.state(projectAggregateType, projectId));
    return view ? { district: view.district, planYear: view.planYear } : undefined;
  }
}
