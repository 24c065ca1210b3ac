/** What a batch fold reads of a recorded event. */
export interface FoldableEvent {
  readonly streamId: string;
  readonly version: number;
  readonly metadata: { readonly recordedAt: string };
}

/** A subject's state as stored, with the stream version it holds. */
export interface StoredState<S> {
  readonly state: S;
  readonly version: number;
}

/** A subject's state after a batch. */
export interface BatchFolded<S> {
  state: S;
  /** The stream version `state` holds: events at or below it are already applied. */
  version: number;
  /** Set once an event not yet held was applied: only those subjects are written. */
  changed: boolean;
  /** When the last event applied was recorded; '' when none was. */
  updatedAt: string;
}

export interface BatchFold<K, S, E extends FoldableEvent> {
  /** The subject of a stream; undefined for a stream this fold does not read. */
  keyOf(streamId: string): K | undefined;
  /** Read once per subject per batch. */
  load(key: K): StoredState<S>;
  evolve(state: S, event: E): S;
}

/**
 * The states a batch of events brings its subjects to, in the order they first appear. An
 * event at or below the stored version is skipped: it was applied already, by another
 * process or by this batch applied again.
 */
export function foldBatch<K, S, E extends FoldableEvent>(
  events: readonly E[],
  fold: BatchFold<K, S, E>,
): Map<K, BatchFolded<S>> {
  const touched = new Map<K, BatchFolded<S>>();
  for (const event of events) {
    const key = fold.keyOf(event.streamId);
    if (key === undefined) continue;
    let folded = touched.get(key);
    if (!folded) {
      folded = { ...fold.load(key), changed: false, updatedAt: '' };
      touched.set(key, folded);
    }
    if (event.version <= folded.version) continue;
    folded.changed = true;
    folded.state = fold.evolve(folded.state, event);
    folded.version = event.version;
    folded.updatedAt = event.metadata.recordedAt;
  }
  return touched;
}
