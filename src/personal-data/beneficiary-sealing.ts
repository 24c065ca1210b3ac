import { derivedId } from '../kernel/command-ids';
import type { ProjectCommand } from '../projects/domain/project.commands';
import type {
  Beneficiary,
  BeneficiaryRecord,
  SealedBeneficiary,
} from '../projects/domain/project.types';
import { isSealedBeneficiary } from '../projects/domain/project.types';
import { ruleBroken } from '../shared/domain-error';
import { PersonalDataErasedError, type PersonalDataVault } from './personal-data-vault';

/** The data subject of a project's beneficiary: one per project, derived so every instance agrees. */
export function beneficiarySubjectId(projectId: string): string {
  return derivedId(projectId, 'beneficiary');
}

export interface SealedCommand {
  readonly command: ProjectCommand;
  /** The version this call stored, to discard if the command is refused. */
  readonly created?: SealedBeneficiary;
}

/**
 * Replaces the plain beneficiary a command carries (registration, resubmission, correction)
 * with its sealed reference, storing the value in the vault first. The domain and the log
 * then only ever see the reference.
 */
export function sealBeneficiaryIn(
  command: ProjectCommand,
  projectId: string,
  vault: PersonalDataVault,
): SealedCommand {
  const seal = (value: BeneficiaryRecord) => {
    // Anything but a plain object goes to the domain as sent, which refuses it naming the
    // field (a null beneficiary in a resubmission is a value, not "unchanged").
    if (typeof value !== 'object' || value === null || isSealedBeneficiary(value)) return { value };
    try {
      const { sealed, created } = vault.seal(beneficiarySubjectId(projectId), plain(value));
      return { value: sealed, created: created ? sealed : undefined };
    } catch (error) {
      if (error instanceof PersonalDataErasedError) {
        throw ruleBroken(
          'personal_data_erased',
          "The beneficiary's personal data was erased; no new value can be recorded",
          'beneficiary',
        );
      }
      throw error;
    }
  };
  switch (command.type) {
    case 'RegisterProject':
    case 'CorrectBeneficiary': {
      if (command.data.beneficiary === undefined) return { command };
      const { value, created } = seal(command.data.beneficiary);
      return {
        command: { ...command, data: { ...command.data, beneficiary: value } } as ProjectCommand,
        created,
      };
    }
    case 'ResubmitProject': {
      const given = command.data.changes.beneficiary;
      if (given === undefined) return { command };
      const { value, created } = seal(given);
      return {
        command: { ...command, data: { changes: { ...command.data.changes, beneficiary: value } } },
        created,
      };
    }
    default:
      return { command };
  }
}

/** Only the personal fields, so nothing else a caller sent is kept in the vault. */
function plain(value: Beneficiary): Beneficiary {
  return {
    name: value.name,
    ...(value.address !== undefined ? { address: value.address } : {}),
    ...(value.taxCode !== undefined ? { taxCode: value.taxCode } : {}),
  };
}
