/**
 * A stored snapshot of folded state written in another format than the one this code folds:
 * folding on from it could read a shape the code no longer knows (or one an upcaster has
 * since changed), so the projection refuses, and the read models are to be rebuilt.
 */
export class SnapshotFormatError extends Error {
  constructor(what: string, format: number, expected: number) {
    super(
      `The snapshot of ${what} is of format ${format}, this code folds format ${expected}: ` +
        'the read models must be rebuilt (npm run projections:rebuild)',
    );
    this.name = 'SnapshotFormatError';
  }
}
