import { Module } from '@nestjs/common';
import { ProjectAuditController } from './project-audit.controller';
import { ProjectAuditService } from './project-audit.service';

/** History, replay and verification of a project, straight from the event log. */
@Module({
  controllers: [ProjectAuditController],
  providers: [ProjectAuditService],
})
export class AuditModule {}
