import { PassThrough } from 'node:stream';
import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import { Subscription } from '@eventstore/db-client/dist/streams/utils/Subscription';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils';
import { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb';
import { Metadata, status, type ServiceError } from '@grpc/grpc-js';

/**
 * What an EventStoreDB server sends, built from the client's own protobuf messages and read
 * through the client's own conversion and Subscription class, so tests exercise the real
 * client code path with a stream the test controls (no server, no hand-written protocol).
 */

export interface WireEvent {
  /** The stream's name on the server. */
  readonly streamName: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: unknown;
  readonly contentType?: string;
  /** Unix ms; the server's `created` is in .NET ticks (100 ns). */
  readonly createdMs?: number;
}

const JSON_CONTENT = 'application/json';

export function wireReadEvent(event: WireEvent): ReadResp.ReadEvent {
  const id = new UUID();
  id.setString(event.id);
  const stream = new StreamIdentifier();
  stream.setStreamName(Buffer.from(event.streamName, 'utf8'));
  const recorded = new ReadResp.ReadEvent.RecordedEvent();
  recorded.setId(id);
  recorded.setStreamIdentifier(stream);
  recorded.setStreamRevision(event.revision.toString());
  recorded.setCommitPosition(event.position.toString());
  recorded.setPreparePosition(event.position.toString());
  recorded.getMetadataMap().set('type', event.type);
  recorded.getMetadataMap().set('content-type', event.contentType ?? JSON_CONTENT);
  recorded
    .getMetadataMap()
    .set('created', (BigInt(event.createdMs ?? 1_741_939_200_000) * 10_000n).toString());
  const data =
    event.data instanceof Uint8Array ? event.data : Buffer.from(JSON.stringify(event.data), 'utf8');
  recorded.setData(data);
  if (event.metadata !== undefined)
    recorded.setCustomMetadata(Buffer.from(JSON.stringify(event.metadata), 'utf8'));
  const read = new ReadResp.ReadEvent();
  read.setEvent(recorded);
  read.setCommitPosition(event.position.toString());
  return read;
}

/** The event as the client hands it to callers of readAll and subscribeToAll. */
export function resolvedFromWire(event: WireEvent): AllStreamResolvedEvent {
  return convertGrpcEvent(wireReadEvent(event)) as AllStreamResolvedEvent;
}

/** A gRPC error as @grpc/grpc-js raises it (the client converts it to its own error classes). */
export function serviceError(code: status, details: string, exception?: string): ServiceError {
  const metadata = new Metadata();
  if (exception) metadata.set('exception', exception);
  return Object.assign(new Error(`${code} ${status[code]}: ${details}`), {
    code,
    details,
    metadata,
  });
}

/** The server's end of one subscription: what it sends, and whether the client cancelled it. */
export class ServerSide {
  cancelled = false;
  readonly grpc = Object.assign(new PassThrough({ objectMode: true }), {
    cancel: () => {
      this.cancelled = true;
      this.grpc.end();
    },
  });

  confirm(): void {
    const confirmation = new ReadResp.SubscriptionConfirmation();
    confirmation.setSubscriptionId('subscription-1');
    this.grpc.write(new ReadResp().setConfirmation(confirmation));
  }

  send(...events: WireEvent[]): void {
    for (const event of events) this.grpc.write(new ReadResp().setEvent(wireReadEvent(event)));
  }

  caughtUp(): void {
    this.grpc.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
  }

  fellBehind(): void {
    this.grpc.write(new ReadResp().setFellBehind(new ReadResp.FellBehind()));
  }

  /** The connection breaks (server restart, leader change, network). */
  drop(error: ServiceError = serviceError(status.UNAVAILABLE, 'Connection dropped')): void {
    this.grpc.emit('error', error);
  }

  /** The server closes the call without an error. */
  end(): void {
    this.grpc.end();
  }
}

/** The client's Subscription over a server side the test drives. */
export function controllableSubscription(): {
  subscription: AllStreamSubscription;
  server: ServerSide;
} {
  const server = new ServerSide();
  const subscription = new Subscription<AllStreamResolvedEvent>(
    () => Promise.resolve(server.grpc as never),
    convertGrpcEvent as never,
    {},
  ) as unknown as AllStreamSubscription;
  return { subscription, server };
}
