import fc from 'fast-check';
import { isReminderId, reminderId } from './reminder-id';

describe('reminder ids', () => {
  it('name the rule in kebab case, then the subject and period, joined by dots', () => {
    expect(reminderId('registration_deadline', 2025, 'bien-hoa', 'd7')).toBe(
      'registration-deadline.2025.bien-hoa.d7',
    );
    expect(reminderId('monthly_progress', '0b9e6c1e-5a4f-4c1a-9d7e-3f2a1b0c9d8e', '2024-05')).toBe(
      'monthly-progress.0b9e6c1e-5a4f-4c1a-9d7e-3f2a1b0c9d8e.2024-05',
    );
  });

  it('escape characters a job id cannot hold, such as ":" and Vietnamese letters', () => {
    const id = reminderId('overdue_project', 'phường:Tân Phong', '2024-07');
    expect(id).not.toContain(':');
    expect(id).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(id).toBe('overdue-project.ph_1b0__1edd_ng_3a_T_e2_n_20_Phong.2024-07');
  });

  it('never give two different subjects the same id, even when parts contain dots or underscores', () => {
    expect(reminderId('appraisal_pending', 'a.b', 'c')).not.toBe(
      reminderId('appraisal_pending', 'a', 'b.c'),
    );
    expect(reminderId('appraisal_pending', 'a:')).not.toBe(
      reminderId('appraisal_pending', 'a_3a_'),
    );
  });

  it('are colon-free and injective for any parts', () => {
    const parts = fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(parts, parts, (a, b) => {
        const idA = reminderId('settlement_due', ...a);
        expect(isReminderId(idA)).toBe(true);
        if (JSON.stringify(a) !== JSON.stringify(b)) {
          expect(idA).not.toBe(reminderId('settlement_due', ...b));
        }
      }),
    );
  });

  it('recognise only [A-Za-z0-9._-]', () => {
    expect(isReminderId('monthly-progress.p-1.2024-05')).toBe(true);
    expect(isReminderId('monthly-progress:p-1')).toBe(false);
    expect(isReminderId('')).toBe(false);
    expect(isReminderId(42)).toBe(false);
  });
});
