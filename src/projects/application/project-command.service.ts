import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { derivedId } from '../../event-store/command-ids';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port';
import {
  commandHashOf,
  handleCommand,
  StaleVersionError,
  type AggregateSpec,
} from '../../event-store/handle-command';
import { PreconditionFailedError } from '../../http/problem-details';
import { Clock } from '../../platform/clock';
import { KeyedSerializer } from '../../platform/keyed-serializer';
import { ReferenceDataService } from '../../reference-data/reference-data.service';
import { DomainError, ruleBroken } from '../../shared/domain-error';
import { PlanLookup } from '../../plans/application/plan-lookup';
import { sealBeneficiaryIn } from '../../personal-data/beneficiary-sealing';
import { PersonalDataVault } from '../../personal-data/personal-data-vault';
import { isSealedBeneficiary } from '../domain/project.types';
import type { Actor } from '../../shared/actor';
import type {
  ProjectCommand,
  RecordReminderSent,
  RegisterProject,
} from '../domain/project.commands';
import type { ProjectContext, ProjectRules } from '../domain/project.context';
import { projectDecider } from '../domain/project.decider';
import { occurredOnOf, type ProjectEvent } from '../domain/project.events';
import type { ProjectState } from '../domain/project.state';
import { projectSerde } from '../project.serde';
import type { CommandMeta, CommandResponse } from './command-meta';
import { projectStreamId } from './project-stream';

export const PROJECT_RULES = Symbol('PROJECT_RULES');

/** Who records delivered reminders in the history. */
export const REMINDER_SYSTEM_ACTOR: Actor = {
  sub: 'system:reminders',
  name: 'Nhắc việc tự động',
  role: 'admin',
};

const projectAggregate: AggregateSpec<ProjectCommand, ProjectEvent, ProjectState, ProjectContext> =
  {
    decider: projectDecider,
    serde: projectSerde,
    occurredOn: occurredOnOf,
  };

/** Runs project commands: the access checks that need the stored project, then the command loop. */
@Injectable()
export class ProjectCommandService {
  /** One command at a time per project in this process (API.md: concurrent changes are re-decided). */
  private readonly perProject = new KeyedSerializer();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PROJECT_RULES) private readonly rules: ProjectRules,
    private readonly referenceData: ReferenceDataService,
    private readonly clock: Clock,
    private readonly plans: PlanLookup,
    private readonly vault: PersonalDataVault,
  ) {}

  /**
   * Registers a new project against the yearly plan of its year; its id is derived from the
   * command id, so a retry registers nothing new.
   */
  async register(
    data: Omit<RegisterProject['data'], 'projectId'>,
    meta: CommandMeta,
  ): Promise<CommandResponse> {
    const { actor } = meta;
    if (actor.role === 'district_officer' && data.district !== actor.district) {
      throw new ForbiddenException(
        'A district officer registers projects of its own district only',
      );
    }
    // A rule across aggregates: the plan's stream is read here and the answer is final for
    // this command (plans are opened once and never closed, so no race can undo it).
    if (!(await this.plans.planExists(data.planYear))) {
      throw ruleBroken(
        'no_plan_for_year',
        `There is no yearly plan for ${data.planYear}: the Center opens it first`,
        'planYear',
      );
    }
    const projectId = derivedId(meta.commandId, 'project');
    return this.execute(projectId, { type: 'RegisterProject', data: { ...data, projectId } }, meta);
  }

  async execute(
    projectId: string,
    command: ProjectCommand,
    meta: CommandMeta,
  ): Promise<CommandResponse> {
    const today = this.clock.today();
    const streamId = projectStreamId(projectId);
    const outcome = await this.perProject
      .run(streamId, async () => {
        // Personal data goes to the vault; the command and the log carry only its reference.
        const sealed = sealBeneficiaryIn(command, projectId, this.vault);
        try {
          const done = await handleCommand(
            this.store,
            projectAggregate,
            { streamId, command: sealed.command, today, ...meta },
            {
              authorize: (state) => this.authorize(state, sealed.command, meta),
              context: () => ({
                actor: meta.actor,
                today,
                reference: this.referenceData.current(),
                rules: this.rules,
              }),
            },
          );
          if (command.type === 'ErasePersonalData') this.destroyErasedKeys(done.state);
          return done;
        } catch (error) {
          // A refused command changes nothing: not even the vault. If the vault cannot take
          // the delete either (a full disk), the unreferenced ciphertext stays: the refusal
          // itself is what the caller must see.
          if (sealed.created) {
            try {
              this.vault.discard(sealed.created);
            } catch {
              // nothing more to do here; see above
            }
          }
          throw error;
        }
      })
      .catch((error: unknown) => {
        if (error instanceof StaleVersionError)
          throw PreconditionFailedError.versions(error.expected, error.actual);
        throw error;
      });
    return {
      id: projectId,
      version: outcome.version,
      status: outcome.state.status,
      position: outcome.position.toString(),
    };
  }

  /**
   * Records a delivered reminder as the reminder scheduler (src/reminders), not as a person.
   * The command id is derived from the reminder id, so a delivery job that runs again after a
   * crash finds its record already made; recording one already recorded appends nothing.
   */
  recordReminderSent(
    projectId: string,
    data: RecordReminderSent['data'],
  ): Promise<CommandResponse> {
    return this.execute(
      projectId,
      { type: 'RecordReminderSent', data },
      { commandId: reminderRecordCommandId(data), actor: REMINDER_SYSTEM_ACTOR },
    );
  }

  /**
   * The erasure is recorded: destroy the subject's keys now (a retry of the same request does
   * it again; the erasure projection does it after a crash in between).
   */
  private destroyErasedKeys(state: ProjectState): void {
    if (state.status === 'unregistered') return;
    const { beneficiary } = state.dossier.details;
    if (isSealedBeneficiary(beneficiary))
      this.vault.erase(beneficiary.personalData.subjectId, this.clock.now().toISOString());
  }

  /** A project a caller may not see is answered as if it did not exist (API.md: 404, not 403). */
  private authorize(state: ProjectState, command: ProjectCommand, meta: CommandMeta): void {
    if (state.status === 'unregistered') {
      if (command.type !== 'RegisterProject') throw projectNotFound();
      return;
    }
    const { actor } = meta;
    if (actor.role === 'district_officer' && state.dossier.district !== actor.district)
      throw projectNotFound();
  }
}

/**
 * The command id of recording one delivery: the same record made twice (a worker that ran
 * again) is one command; another record of the same reminder (a later attempt, other
 * channels) is another command, which the decider answers with nothing because the reminder
 * id is already in the history.
 */
export function reminderRecordCommandId(record: RecordReminderSent['data']): string {
  return derivedId(`${record.reminderId}\n${commandHashOf(record)}`, 'reminder-sent');
}

export function projectNotFound(): DomainError {
  return new DomainError('project_not_found', 'No such project', 'not_found');
}
