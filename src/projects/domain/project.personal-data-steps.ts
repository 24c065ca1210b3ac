import { ruleBroken } from '../../shared/domain-error';
import type { Actor } from '../../shared/actor';
import type { CorrectBeneficiary, ErasePersonalData } from './project.commands';
import { requireBeneficiary, requireText } from './project.input-rules';
import type { ProjectEvent } from './project.events';
import { REGISTERED_STATUSES, type ProjectState } from './project.state';
import { requireStatus } from './project.status-guard';
import { isSealedBeneficiary } from './project.types';

/**
 * The data subject's rights over the beneficiary's personal data: erasure and correction.
 * Neither is a business step: both are allowed in every status a registered project has, and
 * neither changes money or the lifecycle. The log keeps only references (SealedBeneficiary);
 * the application layer destroys or adds the value in the personal-data vault.
 */
export function erasePersonalData(
  command: ErasePersonalData,
  state: ProjectState,
  actor: Actor,
): ProjectEvent[] {
  const s = requireStatus(state, 'erase personal data', REGISTERED_STATUSES);
  const legalBasis = requireText(command.data.legalBasis, 'legalBasis');
  const requestRef = requireText(command.data.requestRef, 'requestRef');
  if (s.dossier.personalDataErased) return [];
  const { beneficiary } = s.dossier.details;
  if (!isSealedBeneficiary(beneficiary)) {
    throw ruleBroken(
      'personal_data_in_log',
      'This project was registered before personal data was kept outside the log: its beneficiary cannot be erased without re-issuing the log (docs/audit.md)',
      'beneficiary',
    );
  }
  return [
    {
      type: 'PersonalDataErased',
      data: {
        subjectId: beneficiary.personalData.subjectId,
        legalBasis,
        requestRef,
        erasedBy: actor.sub,
      },
    },
  ];
}

export function correctBeneficiary(
  command: CorrectBeneficiary,
  state: ProjectState,
  actor: Actor,
): ProjectEvent[] {
  const s = requireStatus(state, 'correct the beneficiary', REGISTERED_STATUSES);
  if (s.dossier.personalDataErased) {
    throw ruleBroken(
      'personal_data_erased',
      "The beneficiary's personal data was erased; it cannot be corrected",
      'beneficiary',
    );
  }
  const reason = requireText(command.data.reason, 'reason');
  const { beneficiary } = command.data;
  requireBeneficiary(beneficiary);
  const current = s.dossier.details.beneficiary;
  if (
    isSealedBeneficiary(current) &&
    isSealedBeneficiary(beneficiary) &&
    current.personalData.version === beneficiary.personalData.version &&
    current.personalData.subjectId === beneficiary.personalData.subjectId
  ) {
    return []; // the same value again: nothing to correct
  }
  return [{ type: 'BeneficiaryCorrected', data: { beneficiary, reason, correctedBy: actor.sub } }];
}
