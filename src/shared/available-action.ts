/**
 * A step a caller may take now, as the server offers it (issue 12): projects and plans alike.
 * The console builds its forms from these and holds no rule of its own.
 */

export type ActionFieldType =
  | 'vnd'
  | 'text'
  | 'date'
  | 'period'
  | 'choice'
  | 'integer'
  | 'achievements'
  | 'boolean';

export interface ActionChoice {
  readonly value: string;
  readonly label: string;
}

export interface ActionField {
  readonly name: string;
  readonly type: ActionFieldType;
  readonly required: boolean;
  readonly label: string;
  /** Amounts and integers: numbers; dates `YYYY-MM-DD`; periods `YYYY-MM`. */
  readonly min?: number | string;
  readonly max?: number | string;
  readonly maxLength?: number;
  readonly choices?: readonly ActionChoice[];
  /** A choice of several values at once, sent as a list (none chosen: an empty list). */
  readonly multiple?: boolean;
}

export interface AvailableAction<A extends string = string> {
  readonly action: A;
  readonly label: string;
  readonly method: 'POST';
  /** Under /api/v1, with the subject's id in place. */
  readonly path: string;
  /** Fixed fields the client adds to the body itself. */
  readonly body?: Readonly<Record<string, unknown>>;
  readonly fields: readonly ActionField[];
}
