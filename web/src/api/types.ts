/**
 * The shapes of the server's answers the console reads. The OpenAPI document does not yet
 * describe response bodies (its schemas are being added); until it does these mirror
 * docs/api.md and the contract in CONSOLE-CONTRACT.md, and read() is told which one it gets.
 */

export interface ConsoleConfig {
  readonly signIn: 'development' | 'oidc';
  readonly oidc: {
    readonly issuer: string;
    readonly clientId: string;
    readonly scopes: readonly string[];
  } | null;
  readonly roles: readonly string[];
  readonly units?: readonly { readonly code: string; readonly name: string }[];
}

export interface DevToken {
  readonly token: string;
  readonly expiresIn: number;
  readonly actor: {
    readonly sub: string;
    readonly name: string;
    readonly role: string;
    readonly unit?: string;
  };
}

export interface Target {
  readonly indicator: string;
  readonly target: number;
  readonly achieved?: number;
}

export interface Project {
  readonly id: string;
  readonly version: number;
  readonly status: string;
  readonly planYear: number;
  readonly district: string;
  readonly unit?: string;
  readonly title: string;
  readonly activityType: string;
  readonly fundingSource: string;
  readonly beneficiary: {
    readonly name?: string;
    readonly address?: string;
    readonly taxCode?: string;
  };
  readonly requestedFundingVnd: number;
  readonly counterpartFundingVnd: number;
  readonly appraisedFundingVnd: number | null;
  readonly approvedFundingVnd: number | null;
  readonly advancesVnd: number;
  readonly paymentsVnd: number;
  readonly recoveredVnd: number;
  readonly disbursedVnd: number;
  readonly settledVnd: number;
  readonly amountToRecoverVnd: number;
  /** The project page only: the most advances may total today, and what is left; null before approval. */
  readonly advanceCapVnd?: number | null;
  readonly advanceCapLeftVnd?: number | null;
  readonly disbursementRate: number | null;
  readonly targets: readonly Target[];
  readonly progressRate: number | null;
  readonly plannedStart: string;
  readonly plannedEnd: string;
  readonly approvalDecisionNo: string | null;
  readonly startedOn: string | null;
  readonly acceptedOn: string | null;
  readonly settledOn: string | null;
  readonly cancellationReason: string | null;
  readonly rejectionReason: string | null;
  readonly updatedAt: string;
  readonly availableActions?: readonly AvailableAction[];
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
}

/** One field of an action's form, with the limits the server knows (CONSOLE-CONTRACT.md). */
export interface ActionField {
  readonly name: string;
  readonly type:
    'vnd' | 'text' | 'date' | 'period' | 'choice' | 'integer' | 'achievements' | 'boolean';
  readonly required?: boolean;
  /** An amount or a number; for a date YYYY-MM-DD, for a period YYYY-MM. */
  readonly min?: number | string;
  readonly max?: number | string;
  readonly maxLength?: number;
  readonly label: string;
  readonly choices?: readonly { readonly value: string; readonly label: string }[];
}

export interface AvailableAction {
  readonly action: string;
  readonly label: string;
  readonly method: 'POST';
  readonly path: string;
  readonly body?: Record<string, unknown>;
  readonly fields: readonly ActionField[];
}

export interface InboxItem {
  readonly role: string;
  readonly action: string;
  readonly subject: 'project' | 'plan';
  readonly id: string;
  readonly planYear: number;
  readonly district: string | null;
  readonly unit: string | null;
  readonly status: string;
  readonly title: string;
  readonly updatedAt: string;
  /** The day the reminder rules start reminding about the step; null where none does. */
  readonly dueDate: string | null;
  readonly overdue: boolean;
}

export interface HistoryEvent {
  readonly version: number;
  readonly position: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly occurredOn: string;
  readonly recordedAt: string;
  readonly actor: { readonly sub: string; readonly name: string; readonly role: string };
  readonly hash: string;
  readonly prevHash: string;
}

export interface StateAt {
  readonly version: number;
  /** Null, with `state`, when nothing had been recorded by then. */
  readonly recordedAt: string | null;
  readonly state: (Record<string, unknown> & { readonly status: string }) | null;
}

export interface Verification {
  readonly valid: boolean;
  readonly eventsChecked: number;
  readonly firstBrokenVersion: number | null;
}

export interface PlanDistrict {
  readonly district: string;
  readonly unit?: string;
  readonly status: 'missing' | 'submitted' | 'late';
  readonly submittedOn?: string;
  readonly submissions: number;
  readonly projectIds: readonly string[];
}

export interface Plan {
  readonly year: number;
  readonly version?: number;
  readonly programCode: string;
  readonly status: string;
  readonly registrationDeadline: string;
  readonly compiledOn?: string;
  readonly decisionNo?: string;
  readonly decisionDate?: string;
  readonly districts: readonly PlanDistrict[];
  readonly availableActions?: readonly AvailableAction[];
}

export interface Programme {
  readonly code: string;
  readonly name: string;
  readonly fromYear: number;
  readonly toYear: number;
  readonly decisionNo?: string;
  readonly decisionDate?: string;
  readonly targets: readonly Target[];
  readonly budgets: readonly { readonly year: number; readonly amountVnd: number }[];
}

export interface ProgrammeReview {
  readonly code: string;
  readonly name: string;
  readonly from: number;
  readonly to: number;
  readonly budgetVnd: number;
  readonly approvedVnd: number;
  readonly disbursedVnd: number;
  readonly settledVnd: number;
  readonly shortfallVnd: number;
  readonly rate: number;
  readonly years: readonly {
    year: number;
    budgetVnd: number;
    approvedVnd: number;
    disbursedVnd: number;
    rate: number;
  }[];
  readonly projectsByStatus: Record<string, number>;
  readonly indicators: readonly {
    indicator: string;
    name: string;
    unit: string;
    target: number;
    achieved: number;
    rate: number | null;
  }[];
}

export interface DisbursementRow {
  readonly key: string;
  readonly projects: number;
  readonly approvedVnd: number;
  readonly disbursedVnd: number;
  readonly settledVnd: number;
  readonly rate: number | null;
}

export interface ProgressRow {
  readonly key: string;
  readonly indicator: string;
  readonly target: number;
  readonly achieved: number;
  readonly rate: number | null;
}

export interface Unit {
  readonly code: string;
  readonly name: string;
  readonly level: string;
  readonly formerKeys?: readonly string[];
}

export interface CatalogueEntry {
  readonly code: string;
  readonly name: string;
  readonly unit?: string;
}

export interface Listing<T> {
  readonly asOf?: string;
  readonly items: readonly T[];
}
