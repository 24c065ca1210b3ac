import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';

/** Fixed namespace for ids derived from command ids (a random v4, never to change). */
const NAMESPACE = '6f1c2f9e-3f7a-4c59-9a38-2a8e1d0b5c41';

/**
 * The id of a command. With an Idempotency-Key it is derived from the caller and the key,
 * so a repeated request is recognised as the same command on any instance; without one it
 * is fresh.
 */
export function commandIdFor(callerSub: string, idempotencyKey: string | undefined): string {
  return idempotencyKey === undefined
    ? randomUUID()
    : uuidv5(`${callerSub}\n${idempotencyKey}`, NAMESPACE);
}

/** The id of the n-th event a command appends to a stream: the same for every retry of it. */
export function eventIdFor(commandId: string, streamId: string, index: number): string {
  return uuidv5(`${commandId}\n${streamId}\n${index}`, NAMESPACE);
}

/** A new aggregate id that a command creates (a project's id): derived, so a retry creates nothing new. */
export function derivedId(commandId: string, purpose: string): string {
  return uuidv5(`${commandId}\n${purpose}`, NAMESPACE);
}
