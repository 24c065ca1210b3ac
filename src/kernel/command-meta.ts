import type { Actor } from '../shared/actor';

/** What every command carries besides its own fields: who, which command, on what version. */
export interface CommandMeta {
  readonly commandId: string;
  readonly actor: Actor;
  /** From If-Match. */
  readonly expectedVersion?: number;
  /** The request id, for tracing. */
  readonly correlationId?: string;
}

/** The body of every command response (API.md). */
export interface CommandResponse {
  readonly id: string;
  readonly version: number;
  readonly status: string;
  /** Global log position of the last event appended, as a string (it is a bigint). */
  readonly position: string;
}
