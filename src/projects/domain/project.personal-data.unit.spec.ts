import type { ProjectCommand } from './project.commands';
import type { ProjectEvent } from './project.events';
import {
  admin,
  centerOfficer,
  ev,
  givenProject,
  historyOf,
} from '../../../test/support/projects/project-specification';
import type { SealedBeneficiary } from './project.types';

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
  const sealedOnly = givenProject([registeredSealed], 'admin');
  const erasedAlready = givenProject([registeredSealed, erased], 'admin');

  it('records an erasure with its legal basis and request, never the data', () =>
    sealedOnly.decides(erase, [erased], (state) => {
      expect(state.status !== 'unregistered' && state.dossier.personalDataErased).toBe(true);
    }));

  it('records nothing more when the data is already erased', () =>
    erasedAlready.decides(erase, []));

  it('erases in any status, a settled project included', () => {
    const settled = historyOf.settled.map((e) =>
      e.type === 'ProjectRegistered' ? registeredSealed : e,
    );
    givenProject(settled, 'admin').decides(erase, [erased]);
  });

  it('refuses to erase a beneficiary recorded in the log itself (older projects)', () =>
    givenProject([ev.registered()], 'admin').refuses(erase, 'personal_data_in_log'));

  it('requires the legal basis', () =>
    sealedOnly.refuses(
      { type: 'ErasePersonalData', data: { legalBasis: ' ', requestRef: 'Đơn 1' } },
      'required',
      { field: 'legalBasis' },
    ));

  it('records a correction as the new version', () =>
    givenProject([registeredSealed], 'center').decides(correct(sealed(2, 'b'.repeat(64))), [
      {
        type: 'BeneficiaryCorrected',
        data: {
          beneficiary: sealed(2, 'b'.repeat(64)),
          reason: 'Sửa địa chỉ',
          correctedBy: centerOfficer.sub,
        },
      },
    ]));

  it('records nothing for a correction to the version already in force', () =>
    sealedOnly.decides(correct(sealed(1)), []));

  it('refuses a correction after an erasure', () =>
    erasedAlready.refuses(correct(sealed(2)), 'personal_data_erased'));

  it('refuses a malformed reference', () =>
    sealedOnly.refuses(correct(sealed(0)), 'invalid_personal_data_reference', {
      field: 'beneficiary',
    }));
});
