import type { Actor } from '../../shared/actor';
import type { ProjectCommand } from './project.commands';
import type { ProjectEvent } from './project.events';
import {
  centerOfficer,
  contextFor,
  ev,
  historyOf,
} from '../../../test/support/projects/project-fixtures';
import { spec } from '../../../test/support/projects/project-specification';
import type { SealedBeneficiary } from './project.types';

const admin: Actor = { sub: 'u-admin', name: 'Quản trị', role: 'admin' };
const asAdmin = contextFor(admin);

const sealed = (version: number, hash = 'a'.repeat(64)): SealedBeneficiary => ({
  personalData: { subjectId: '0b4d8a52-1111-5222-8333-444455556666', version, hash },
});
const registeredSealed = ev.registered({ beneficiary: sealed(1) });
const erase: ProjectCommand = {
  type: 'ErasePersonalData',
  data: { legalBasis: 'Điều 14 Luật Bảo vệ dữ liệu cá nhân', requestRef: 'Đơn 1/2026' },
};
const erased: ProjectEvent = {
  type: 'PersonalDataErased',
  data: {
    subjectId: sealed(1).personalData.subjectId,
    ...erase.data,
    erasedBy: admin.sub,
  } as never,
};
const correct = (beneficiary: SealedBeneficiary): ProjectCommand => ({
  type: 'CorrectBeneficiary',
  data: { beneficiary, reason: 'Sửa địa chỉ' },
});

describe("the data subject's rights over the beneficiary", () => {
  it('records an erasure with its legal basis and request, never the data', () => {
    spec
      .given([registeredSealed])
      .when(erase, asAdmin)
      .then([erased], (state) => {
        expect(state.status !== 'unregistered' && state.dossier.personalDataErased).toBe(true);
      });
  });

  it('records nothing more when the data is already erased', () => {
    spec.given([registeredSealed, erased]).when(erase, asAdmin).then([]);
  });

  it('erases in any status, a settled project included', () => {
    const settled = historyOf.settled.map((e) =>
      e.type === 'ProjectRegistered' ? registeredSealed : e,
    );
    spec.given(settled).when(erase, asAdmin).then([erased]);
  });

  it('refuses to erase a beneficiary recorded in the log itself (older projects)', () => {
    spec.given([ev.registered()]).when(erase, asAdmin).thenThrows('personal_data_in_log');
  });

  it('requires the legal basis', () => {
    spec
      .given([registeredSealed])
      .when({ type: 'ErasePersonalData', data: { legalBasis: ' ', requestRef: 'Đơn 1' } }, asAdmin)
      .thenThrows('required', { field: 'legalBasis' });
  });

  it('records a correction as the new version', () => {
    spec
      .given([registeredSealed])
      .when(correct(sealed(2, 'b'.repeat(64))), contextFor(centerOfficer))
      .then([
        {
          type: 'BeneficiaryCorrected',
          data: {
            beneficiary: sealed(2, 'b'.repeat(64)),
            reason: 'Sửa địa chỉ',
            correctedBy: centerOfficer.sub,
          },
        },
      ]);
  });

  it('records nothing for a correction to the version already in force', () => {
    spec
      .given([registeredSealed])
      .when(correct(sealed(1)), asAdmin)
      .then([]);
  });

  it('refuses a correction after an erasure', () => {
    spec
      .given([registeredSealed, erased])
      .when(correct(sealed(2)), asAdmin)
      .thenThrows('personal_data_erased');
  });

  it('refuses a malformed reference', () => {
    spec
      .given([registeredSealed])
      .when(correct(sealed(0)), asAdmin)
      .thenThrows('invalid_personal_data_reference', { field: 'beneficiary' });
  });
});
