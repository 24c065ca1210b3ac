import { Global, Module } from '@nestjs/common';
import { REGISTERED_PROJECTS } from '../plans/application/registered-projects.port';
import { RegisteredProjectsFromStreams } from './application/registered-projects';

/**
 * The ports the projects feature implements for others. Global, because the plans need it
 * while the projects need the plans (a project registers against an opened plan).
 */
@Global()
@Module({
  providers: [{ provide: REGISTERED_PROJECTS, useClass: RegisteredProjectsFromStreams }],
  exports: [REGISTERED_PROJECTS],
})
export class ProjectPortsModule {}
