import type {
  ChangeProgrammeBudget,
  CreateProgramme,
} from '../../../src/programmes/domain/programme.commands';
import type {
  ContextIndicatorRecorded,
  ProgrammeBudgetChanged,
  ProgrammeCreated,
} from '../../../src/programmes/domain/programme.events';

/**
 * The programme DN-2021-2025 of Đồng Nai (decision 558/QĐ-UBND of 2021-02-08), budgets for
 * its first three years and one target, as events and commands for the programme's specs.
 */

export type ProgrammeData = CreateProgramme['data'];

export const DN_PROGRAMME: ProgrammeData = {
  code: 'DN-2021-2025',
  name: 'Chương trình khuyến công tỉnh Đồng Nai giai đoạn 2021-2025',
  fromYear: 2021,
  toYear: 2025,
  budgets: [
    { year: 2021, amountVnd: 7_500_000_000 },
    { year: 2022, amountVnd: 7_808_200_000 },
    { year: 2023, amountVnd: 8_000_000_000 },
  ],
  targets: [{ indicator: 'trainees', target: 800 }],
  decisionNo: '558/QĐ-UBND',
  decisionDate: '2021-02-08',
};

/** The programme DN-2021-2025 created, with `data` instead of its own where given. */
export const programmeCreated = (data: Partial<ProgrammeData> = {}): ProgrammeCreated => ({
  type: 'ProgrammeCreated',
  data: { ...DN_PROGRAMME, ...data },
});

/** The command that creates the programme DN-2021-2025, with `data` instead of its own where given. */
export const createProgramme = (data: Partial<ProgrammeData> = {}): CreateProgramme => ({
  type: 'CreateProgramme',
  data: { ...DN_PROGRAMME, ...data },
});

/** A year's budget changed from `previousAmountVnd` to `amountVnd` by decision `QĐ-<year>`. */
export const budgetChanged = (
  year: number,
  previousAmountVnd: number,
  amountVnd: number,
  decision: Partial<Pick<ChangeProgrammeBudget['data'], 'decisionNo' | 'reason'>> = {},
): ProgrammeBudgetChanged => ({
  type: 'ProgrammeBudgetChanged',
  data: {
    year,
    previousAmountVnd,
    amountVnd,
    decisionNo: `QĐ-${year}`,
    reason: 'điều chỉnh',
    ...decision,
  },
});

/** A final value in VND, replacing nothing, unless `extra` says otherwise. */
export const indicatorRecorded = (
  year: number,
  code: string,
  value: number,
  extra: Partial<ContextIndicatorRecorded['data']> = {},
): ContextIndicatorRecorded => ({
  type: 'ContextIndicatorRecorded',
  data: { year, code, value, unit: 'VND', estimated: false, replacesEarlierValue: false, ...extra },
});
