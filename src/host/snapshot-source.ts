// The part of a Loop that React reads (useSyncExternalStore): the latest snapshot, and who to
// tell when a new one is published. Shared by the model's SimLoop and the record's ReplayLoop,
// each with its kind of snapshot.
import type {Snapshot} from './snapshot.js';

export abstract class SnapshotSource<S extends Snapshot = Snapshot> {
  private readonly listeners = new Set<() => void>();
  protected snapshot!: S;

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getSnapshot(): S {
    return this.snapshot;
  }

  /** Replaces the snapshot and tells every listener. */
  protected publishSnapshot(snapshot: S): void {
    this.snapshot = snapshot;
    for (const l of this.listeners) l();
  }

  protected dropListeners(): void {
    this.listeners.clear();
  }
}
