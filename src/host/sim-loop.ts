// Drives a run for the dashboard: playback (run, pause, step), speed, restart, and snapshots
// published at a bounded rate. Plain TypeScript with injected timers: it runs the same in the
// dashboard's engine thread (loop-thread.ts) and in tests. React never sees the engine, only snapshots.
import type {Replay} from '../history/replay.js';
import type {RunHandle} from '../sim/run.js';
import {buildSnapshot, type ModelSnapshot, type Playback, type Snapshot} from './snapshot.js';
import {SnapshotSource} from './snapshot-source.js';
import {clampSpeedIndex, DEFAULT_SPEED, speedIndexOf, SPEEDS} from './speeds.js';

/** What the dashboard can ask of a running simulation (in-process or across a worker). */
export interface Loop {
  subscribe(listener: () => void): () => void;
  getSnapshot(): Snapshot;
  togglePause(): void;
  step(): void;
  faster(): void;
  slower(): void;
  /** Starts over from day 0 with this seed (the same one by default). */
  restart(seed?: string): void;
  /**
   * While an overlay is open (the help, an event in full): true pauses a running loop, false
   * resumes it if it was running then and is still paused (nothing otherwise).
   */
  hold(on: boolean): void;
  dispose(): void;
  /**
   * For a loop that runs elsewhere (the engine thread): `listener` hears the error that stopped
   * it after it started, so the app can exit with it instead of freezing on the last frame.
   */
  onFailure?(listener: (error: Error) => void): void;
}

/** Loop.hold for a loop whose snapshot is up to date the moment it is told something (in-process). */
export class PlaybackHold {
  /** Set while held: whether to resume on release. */
  private resume: boolean | null = null;

  constructor(private readonly loop: Pick<Loop, 'getSnapshot' | 'togglePause'>) {}

  set(on: boolean): void {
    if (on) {
      if (this.resume !== null) return;
      this.resume = this.loop.getSnapshot().playback === 'running';
      if (this.resume) this.loop.togglePause();
      return;
    }
    const resume = this.resume === true;
    this.resume = null;
    if (resume && this.loop.getSnapshot().playback === 'paused') this.loop.togglePause();
  }
}

export interface LoopTimers {
  now(): number;
  later(fn: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}

export const realTimers: LoopTimers = {
  now: () => performance.now(),
  // A zero delay goes through setImmediate: setTimeout(0) would cap top speed at ~1 slice/ms.
  later: (fn, ms) => (ms <= 0 ? {immediate: setImmediate(fn)} : {timeout: setTimeout(fn, ms)}),
  cancel: (h) => {
    const handle = h as {immediate?: NodeJS.Immediate; timeout?: NodeJS.Timeout} | undefined;
    if (handle?.immediate) clearImmediate(handle.immediate);
    if (handle?.timeout) clearTimeout(handle.timeout);
  },
};

export interface LoopOptions {
  seed: string;
  speed?: number;
  paused?: boolean;
  /** Snapshots per second at most while running (about 20 keeps React out of the engine's way). */
  publishHz?: number;
  /**
   * Snapshots per second at most at top speed, where every frame is CPU the engine could use:
   * measured on a 2-core machine, 10 frames a second slowed a top-speed run by about 25%, 4 by
   * under 10% (npm run bench).
   */
  topSpeedHz?: number;
  /** Longest stretch of engine work before yielding, in ms (keeps input responsive). */
  sliceMs?: number;
  timers?: LoopTimers;
  /** The record the scenario names, if any: snapshots then set the run against it. */
  history?: Replay | null;
  /** With --posterior: what a seed's run drew, for the header (a restart with a new seed draws anew). */
  drawn?: (seed: string) => string | null;
}

export class SimLoop extends SnapshotSource<ModelSnapshot> implements Loop {
  private run: RunHandle;
  private seed: string;
  private playback: Playback;
  private speedIndex: number;
  private readonly publishEvery: number;
  private readonly topSpeedEvery: number;
  private readonly sliceMs: number;
  private readonly timers: LoopTimers;
  private readonly history: Replay | null;
  private readonly drawnFor: (seed: string) => string | null;
  private drawn: string | null;
  private handle: unknown = null;
  private lastPublish = -Infinity;
  private readonly holder = new PlaybackHold(this);
  /** Pace bookkeeping: when the current stretch of running began, and the rounds since. */
  private paceStart = 0;
  private paceRounds = 0;

  constructor(
    private readonly makeRun: (seed: string) => RunHandle,
    options: LoopOptions,
  ) {
    super();
    this.seed = options.seed;
    this.run = makeRun(options.seed);
    this.speedIndex = speedIndexOf(options.speed, DEFAULT_SPEED);
    this.publishEvery = 1000 / (options.publishHz ?? 20);
    this.topSpeedEvery = 1000 / (options.topSpeedHz ?? 4);
    this.sliceMs = options.sliceMs ?? 12;
    this.timers = options.timers ?? realTimers;
    this.history = options.history ?? null;
    this.drawnFor = options.drawn ?? (() => null);
    this.drawn = this.drawnFor(options.seed);
    this.playback = options.paused ? 'paused' : 'running';
    this.snapshot = this.build();
    if (this.playback === 'running') this.startPace();
  }

  get speed(): number {
    return SPEEDS[this.speedIndex]!;
  }

  togglePause(): void {
    if (this.playback === 'finished') return;
    if (this.playback === 'running') {
      this.playback = 'paused';
      this.stopTimer();
    } else {
      this.playback = 'running';
      this.startPace();
    }
    this.publish();
  }

  step(): void {
    if (this.playback === 'finished') return;
    this.stopTimer();
    this.playback = 'paused';
    this.run.advance();
    if (this.run.finished) this.playback = 'finished';
    this.publish();
  }

  faster(): void {
    this.setSpeedIndex(this.speedIndex + 1);
  }

  slower(): void {
    this.setSpeedIndex(this.speedIndex - 1);
  }

  restart(seed: string = this.seed): void {
    this.stopTimer();
    this.seed = seed;
    this.run = this.makeRun(seed);
    this.drawn = this.drawnFor(seed);
    this.playback = 'running';
    this.startPace();
    this.publish();
  }

  hold(on: boolean): void {
    this.holder.set(on);
  }

  dispose(): void {
    this.stopTimer();
    this.dropListeners();
  }

  private setSpeedIndex(i: number): void {
    this.speedIndex = clampSpeedIndex(i);
    if (this.playback === 'running') {
      this.stopTimer();
      this.startPace();
    }
    this.publish();
  }

  private startPace(): void {
    this.paceStart = this.timers.now();
    this.paceRounds = 0;
    this.schedule(0);
  }

  private schedule(ms: number): void {
    this.handle = this.timers.later(() => this.tick(), ms);
  }

  private stopTimer(): void {
    if (this.handle !== null) this.timers.cancel(this.handle);
    this.handle = null;
  }

  /** Runs the rounds that are due (or, at top speed, as many as fit in a slice), then yields. */
  private tick(): void {
    this.handle = null;
    if (this.playback !== 'running') return;
    const t0 = this.timers.now();
    const speed = this.speed;
    const due = speed === Infinity ? Infinity : Math.floor(((t0 - this.paceStart) * speed) / 1000) - this.paceRounds;
    let done = 0;
    while (done < due && this.run.advance()) {
      done++;
      if (this.timers.now() - t0 >= this.sliceMs) break;
    }
    this.paceRounds += done;
    const now = this.timers.now();
    if (this.run.finished) {
      this.playback = 'finished';
      this.publish();
      return;
    }
    if (now - this.lastPublish >= (speed === Infinity ? this.topSpeedEvery : this.publishEvery)) this.publish();
    if (speed === Infinity) this.schedule(0);
    else this.schedule(Math.max(0, this.paceStart + ((this.paceRounds + 1) * 1000) / speed - now));
  }

  private build(): ModelSnapshot {
    return buildSnapshot(this.run, this.playback, this.speed, this.history, this.drawn);
  }

  private publish(): void {
    this.lastPublish = this.timers.now();
    this.publishSnapshot(this.build());
  }
}
