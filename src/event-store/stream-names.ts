/**
 * Which streams are the EventStoreDB store's: the prefixes its owner gives it (the store knows no
 * aggregate; the server passes platform/our-streams.ts). Only streams under them come back from
 * $all (the subscription filters on them server-side), so appending to any other stream is
 * refused rather than silently left out of every read model.
 * A namespace, when set, is put before every name on the server (several logs, one cluster);
 * stream ids, and so hashes, never include it.
 */
export class StreamNames {
  /** The prefixes as the server sees them: the subscription's server-side filter. */
  readonly serverPrefixes: readonly string[];

  constructor(
    readonly prefixes: readonly string[],
    readonly namespace = '',
  ) {
    if (prefixes.length === 0 || prefixes.some((prefix) => prefix === ''))
      throw new TypeError('Stream prefixes must be non-empty');
    this.serverPrefixes = prefixes.map((prefix) => namespace + prefix);
  }

  isKept(streamId: string): boolean {
    return this.prefixes.some((prefix) => streamId.startsWith(prefix));
  }

  serverName(streamId: string): string {
    return this.namespace + streamId;
  }

  /** Our stream id for a stream on the server, or undefined when it is not one of ours. */
  streamIdOf(serverName: string): string | undefined {
    if (!serverName.startsWith(this.namespace)) return undefined;
    const streamId = serverName.slice(this.namespace.length);
    return this.isKept(streamId) ? streamId : undefined;
  }
}
