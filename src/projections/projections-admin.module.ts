import { Module } from '@nestjs/common';
import { ProjectionRebuilds } from './projection-rebuilds';
import { ProjectionsAdminController } from './projections-admin.controller';

/** The admin endpoint that rebuilds the read models inside the running server. */
@Module({ controllers: [ProjectionsAdminController], providers: [ProjectionRebuilds] })
export class ProjectionsAdminModule {}
