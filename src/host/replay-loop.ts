// Plays the record of 2020 in the dashboard: a day at a time at the chosen speed, paused, stepped
// both ways, jumped from event to event or to a typed date. Plain TypeScript with injected
// timers, like SimLoop; no engine is involved and a snapshot costs microseconds, so it runs on
// the UI thread and publishes on every change.
import {dayOf} from '../history/load.js';
import type {Replay} from '../history/replay.js';
import {parseIsoDate} from '../sim/calendar.js';
import {buildReplaySnapshot, eventDay, latestEventIndex, type ReplayFrame} from './replay-snapshot.js';
import {PlaybackHold, realTimers, type Loop, type LoopTimers} from './sim-loop.js';
import {clampSpeedIndex, speedIndexOf, SPEEDS} from './speeds.js';
import type {Playback, RecordSnapshot} from './snapshot.js';
import {SnapshotSource} from './snapshot-source.js';

/** What a replay adds to the dashboard's controls. */
export interface ReplayControls {
  stepBack(): void;
  nextEvent(): void;
  previousEvent(): void;
  /** Jumps to a date typed as YYYY-MM-DD; returns why it cannot, or null once it has. */
  seek(text: string): string | null;
}

export type ReplayLoopApi = Loop & ReplayControls;

export const isReplayLoop = (loop: Loop): loop is ReplayLoopApi => 'seek' in loop;

/** Slower than the model's default: a replay is read, event by event. */
export const DEFAULT_REPLAY_SPEED = 5;

export interface ReplayLoopOptions extends Pick<ReplayFrame, 'terms' | 'compare'> {
  /** Days per second; Infinity goes straight to the end. */
  speed?: number;
  paused?: boolean;
  timers?: LoopTimers;
}

/** The day of `text` in the record, or a message saying what is wrong with it. */
export function parseSeekDate(replay: Replay, text: string): {day: number} | {error: string} {
  const t = text.trim();
  const {start, end} = replay.history;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t)) return {error: t === '' ? 'type a date as YYYY-MM-DD' : `"${t}" is not a date: type it as YYYY-MM-DD`};
  if (parseIsoDate(t) === null) return {error: `${t} is not a calendar date`};
  const day = dayOf(replay.history, t);
  if (day < 0 || day >= replay.days.length) return {error: `${t} is outside the record (${start} to ${end})`};
  return {day};
}

export class ReplayLoop extends SnapshotSource<RecordSnapshot> implements ReplayLoopApi {
  private day = 0;
  /** The event jumped to; cleared by any other move. */
  private pinned: number | null = null;
  private playing: boolean;
  private speedIndex: number;
  private handle: unknown = null;
  private readonly timers: LoopTimers;
  private readonly holder = new PlaybackHold(this);

  constructor(
    private readonly replay: Replay,
    private readonly options: ReplayLoopOptions,
  ) {
    super();
    this.timers = options.timers ?? realTimers;
    this.speedIndex = speedIndexOf(options.speed, DEFAULT_REPLAY_SPEED);
    this.playing = !options.paused;
    this.snapshot = this.build();
    if (this.playing) this.schedule();
  }

  private get last(): number {
    return this.replay.days.length - 1;
  }

  private get playback(): Playback {
    if (this.day >= this.last) return 'finished';
    return this.playing ? 'running' : 'paused';
  }

  private get speed(): number {
    return SPEEDS[this.speedIndex]!;
  }

  togglePause(): void {
    if (this.playback === 'finished') return;
    this.playing = !this.playing;
    if (this.playing) this.schedule();
    else this.stopTimer();
    this.publish();
  }

  step(): void {
    this.moveTo(this.day + 1);
  }

  stepBack(): void {
    this.moveTo(this.day - 1);
  }

  faster(): void {
    this.setSpeedIndex(this.speedIndex + 1);
  }

  slower(): void {
    this.setSpeedIndex(this.speedIndex - 1);
  }

  /** Back to the first day, playing (a replay has no seed to change). */
  restart(): void {
    this.stopTimer();
    this.day = 0;
    this.pinned = null;
    this.playing = true;
    this.schedule();
    this.publish();
  }

  nextEvent(): void {
    const target = this.selected() + 1;
    if (target < this.replay.history.events.length) this.jumpTo(target);
  }

  /** The event before the selected one; or the selected one itself when it lies before today. */
  previousEvent(): void {
    const selected = this.selected();
    if (selected < 0) return;
    const onToday = eventDay(this.replay, this.replay.history.events[selected]!) === this.day;
    const target = onToday ? selected - 1 : selected;
    if (target >= 0) this.jumpTo(target);
  }

  seek(text: string): string | null {
    const parsed = parseSeekDate(this.replay, text);
    if ('error' in parsed) return parsed.error;
    this.moveTo(parsed.day);
    return null;
  }

  hold(on: boolean): void {
    this.holder.set(on);
  }

  dispose(): void {
    this.stopTimer();
    this.dropListeners();
  }

  private selected(): number {
    return this.pinned ?? latestEventIndex(this.replay, this.day);
  }

  private jumpTo(index: number): void {
    this.moveTo(eventDay(this.replay, this.replay.history.events[index]!), index);
  }

  /** Every move but playing pauses: the user is looking at something. */
  private moveTo(day: number, pinned: number | null = null): void {
    this.stopTimer();
    this.playing = false;
    this.day = Math.max(0, Math.min(this.last, day));
    this.pinned = pinned;
    this.publish();
  }

  private setSpeedIndex(i: number): void {
    this.speedIndex = clampSpeedIndex(i);
    if (this.playing) {
      this.stopTimer();
      this.schedule();
    }
    this.publish();
  }

  private schedule(): void {
    const speed = this.speed;
    this.handle = this.timers.later(() => this.tick(), Number.isFinite(speed) ? 1000 / speed : 0);
  }

  private stopTimer(): void {
    if (this.handle !== null) this.timers.cancel(this.handle);
    this.handle = null;
  }

  private tick(): void {
    this.handle = null;
    if (!this.playing) return;
    this.day = Number.isFinite(this.speed) ? Math.min(this.last, this.day + 1) : this.last;
    this.pinned = null;
    if (this.day >= this.last) this.playing = false;
    else this.schedule();
    this.publish();
  }

  private build(): RecordSnapshot {
    return buildReplaySnapshot(this.replay, this.day, {
      playback: this.playback,
      speed: this.speed,
      pinned: this.pinned,
      terms: this.options.terms,
      compare: this.options.compare,
    });
  }

  private publish(): void {
    this.publishSnapshot(this.build());
  }
}
