import type { Beneficiary, BeneficiaryRecord } from '../projects/domain/project.types';
import { isSealedBeneficiary } from '../projects/domain/project.types';
import type { PersonalDataVault } from './personal-data-vault';

/** What every read shows in place of an erased value (Vietnamese, as users read it). */
export const ERASED_BENEFICIARY_NAME = '[Đã xóa theo yêu cầu của chủ thể dữ liệu]';
/** What a read shows when the vault does not hold the value (e.g. a log moved without it). */
export const UNAVAILABLE_BENEFICIARY_NAME = '[Không có dữ liệu cá nhân trong kho]';

/**
 * A beneficiary as a read shows it: the value, and where it came from. `personalData` is
 * present for sealed values: `present`, `erased` (the subject's keys were destroyed) or
 * `unavailable`; it is absent for a value recorded in the log itself (older projects).
 */
export interface ShownBeneficiary extends Beneficiary {
  readonly personalData?: {
    readonly subjectId: string;
    readonly version: number;
    readonly status: 'present' | 'erased' | 'unavailable';
  };
}

/**
 * Resolves a beneficiary record for display. `erased` is the project's own record of an
 * erasure: it wins even if the vault still held the key (a crash between the record and the
 * key's destruction, which the erasure projection finishes).
 */
export function showBeneficiary(
  record: BeneficiaryRecord,
  vault: PersonalDataVault,
  erased = false,
): ShownBeneficiary {
  if (!isSealedBeneficiary(record)) return erased ? erasedShown() : record;
  const { subjectId, version } = record.personalData;
  const found = erased ? ({ status: 'erased' } as const) : vault.unseal(record);
  switch (found.status) {
    case 'present':
      return { ...found.value, personalData: { subjectId, version, status: 'present' } };
    case 'erased':
      return {
        name: ERASED_BENEFICIARY_NAME,
        personalData: { subjectId, version, status: 'erased' },
      };
    case 'unavailable':
      return {
        name: UNAVAILABLE_BENEFICIARY_NAME,
        personalData: { subjectId, version, status: 'unavailable' },
      };
  }
}

function erasedShown(): ShownBeneficiary {
  return { name: ERASED_BENEFICIARY_NAME };
}

/** The beneficiary an event carries, if any (registration, resubmission, correction). */
export function beneficiaryInEvent(type: string, data: unknown): BeneficiaryRecord | undefined {
  const d = data as {
    beneficiary?: BeneficiaryRecord;
    changes?: { beneficiary?: BeneficiaryRecord };
  };
  switch (type) {
    case 'ProjectRegistered':
    case 'BeneficiaryCorrected':
      return d.beneficiary;
    case 'ProjectResubmitted':
      return d.changes?.beneficiary;
    default:
      return undefined;
  }
}
