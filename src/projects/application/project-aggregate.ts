import { Inject, Injectable } from '@nestjs/common';
import type { Aggregate, CommandRun, PreparedCommand } from '../../kernel/aggregate';
import { sealBeneficiaryIn } from '../../personal-data/beneficiary-sealing';
import { PersonalDataVault } from '../../personal-data/personal-data-vault';
import { Clock } from '../../platform/clock';
import { ReferenceDataService } from '../../reference-data/reference-data.service';
import { ForbiddenError } from '../../kernel/application-errors';
import type { ProjectCommand } from '../domain/project.commands';
import type { ProjectContext, ProjectRules } from '../domain/project.context';
import type { ProjectEvent } from '../domain/project.events';
import type { ProjectState } from '../domain/project.state';
import { projectAccess } from '../domain/project.access';
import { isSealedBeneficiary } from '../domain/project.types';
import { projectAggregateType } from '../project.aggregate';
import { projectNotFound } from './project-not-found';

export const PROJECT_RULES = Symbol('PROJECT_RULES');

type Run = CommandRun<ProjectCommand>;

/**
 * How project commands are run (CommandKernel): personal data sealed into the vault before
 * anything is decided, access checks that need the stored project, the rules in force.
 */
@Injectable()
export class ProjectAggregate implements Aggregate<
  ProjectCommand,
  ProjectEvent,
  ProjectState,
  ProjectContext
> {
  readonly type = projectAggregateType;

  constructor(
    @Inject(PROJECT_RULES) private readonly rules: ProjectRules,
    private readonly referenceData: ReferenceDataService,
    private readonly vault: PersonalDataVault,
    private readonly clock: Clock,
  ) {}

  /** Personal data goes to the vault; the command and the log carry only its reference. */
  prepare({ key, command }: Run): PreparedCommand<ProjectCommand, ProjectState> {
    const sealed = sealBeneficiaryIn(command, key, this.vault);
    return {
      command: sealed.command,
      recorded: (state) => {
        if (command.type === 'ErasePersonalData') this.destroyErasedKeys(state);
      },
      // A refused command changes nothing: not even the vault. If the vault cannot take the
      // delete either (a full disk), the unreferenced ciphertext stays: the refusal itself is
      // what the caller must see.
      refused: () => {
        if (!sealed.created) return;
        try {
          this.vault.discard(sealed.created);
        } catch {
          // nothing more to do here; see above
        }
      },
    };
  }

  /** A project a caller may not see is answered as if it did not exist (API.md: 404, not 403). */
  authorize(state: ProjectState, { command, meta }: Run): void {
    const access = projectAccess(state, command, meta.actor, this.referenceData.current());
    if (access === 'not_found') throw projectNotFound();
    if (access === 'resubmitted_by_registering_unit')
      throw new ForbiddenError(
        'resubmitted_by_registering_unit',
        "A center officer resubmits only the Center's own tasks; the registering unit resubmits its proposals",
      );
  }

  context(_state: ProjectState, { meta, today }: Run): ProjectContext {
    return { actor: meta.actor, today, reference: this.referenceData.current(), rules: this.rules };
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
}
