// The header, the key hints and the help overlay.
import '../helpers/no-color.js';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {Header} from '../../src/ui/dashboard/chrome/Header.js';
import {HelpOverlay} from '../../src/ui/dashboard/chrome/HelpOverlay.js';
import {KeyHints} from '../../src/ui/dashboard/chrome/KeyHints.js';
import {linesOf} from '../helpers/ink.js';
import {brokenSnapshot, finishedSnapshot, noRiskSnapshot, realSnapshot} from '../helpers/snapshots.js';

afterEach(cleanup);

describe('Header', () => {
  test('scenario, seed, date, day, speed and playback', () => {
    const {lastFrame} = render(<Header snapshot={realSnapshot()} width={100} />);
    expect(lastFrame()).toBe('parley · afghanistan-2020 · seed doha · 2020-04-14 · day 45/230 · 10 d/s · running');
  });

  test('with --posterior, the particle the seed drew follows the seed, and goes before it at narrow widths', () => {
    const s = {...realSnapshot(), drawn: 'particle 17 of post.csv'};
    expect(render(<Header snapshot={s} width={100} />).lastFrame()).toBe('afghanistan-2020 · seed doha, particle 17 of post.csv · 2020-04-14 · day 45/230 · 10 d/s · running');
    expect(render(<Header snapshot={s} width={60} />).lastFrame()).not.toContain('particle');
  });

  test('unlimited speed reads "max"; narrow widths keep the date and state', () => {
    const s = {...realSnapshot(), speed: Number.POSITIVE_INFINITY, playback: 'paused' as const};
    expect(render(<Header snapshot={s} width={100} />).lastFrame()).toContain('· max · paused');
    expect(render(<Header snapshot={s} width={38} />).lastFrame()).toBe('2020-04-14 · day 45/230 · paused');
  });

  test('a finished run shows its outcome, even at 38 columns', () => {
    expect(render(<Header snapshot={finishedSnapshot()} width={100} />).lastFrame()).toMatch(/· finished · exchange complete on 2020-09-07$/);
    expect(render(<Header snapshot={finishedSnapshot()} width={38} />).lastFrame()).toBe('exchange complete on 2020-09-07');
    expect(render(<Header snapshot={brokenSnapshot()} width={60} />).lastFrame()).toContain('talks broke down on 2020-04-21');
    const horizon = {...realSnapshot(), playback: 'finished' as const, day: 230};
    expect(render(<Header snapshot={horizon} width={80} />).lastFrame()).toContain('horizon reached (day 230)');
  });
});

describe('KeyHints', () => {
  test('all keys when there is room', () => {
    expect(render(<KeyHints width={100} />).lastFrame()).toBe('space pause  → step  ↑/↓ event  ↵ details  +/- speed  r restart  n new seed  ? help  q quit');
    expect(render(<KeyHints width={100} playback="paused" />).lastFrame()).toContain('space resume');
  });

  test('narrow: whole hints dropped, quit and help kept', () => {
    expect(render(<KeyHints width={38} />).lastFrame()).toBe('space pause  → step  ? help  q quit');
  });

  test('with the event log left out (a short terminal), its keys are not hinted', () => {
    expect(render(<KeyHints width={100} hidden={['select-event', 'details']} />).lastFrame()).toBe('space pause  → step  +/- speed  r restart  n new seed  ? help  q quit');
  });
});

describe('HelpOverlay', () => {
  test('the keys and the stall definition with the scenario settings', () => {
    const text = linesOf(render(<HelpOverlay snapshot={realSnapshot()} width={80} rows={30} />).lastFrame()).join('\n');
    for (const key of ['space', '→', '+ / -', 'r', 'n', '?', 'q']) expect(text).toMatch(new RegExp(`^  ${key.replace(/[+?]/g, '\\$&')} +\\S`, 'm'));
    const words = text.replace(/\s+/g, ' ');
    expect(words).toContain('A stall starts when a walk-out lasts 7 days or more');
    expect(words).toContain('no progress (a release batch, a return to the table, an approved ratification, a new offer) for 14 days or more');
    expect(words).toContain('or when talks break down');
    expect(words).toContain('within the next 14 days, estimated by simulating 50 possible futures');
    expect(words).toContain('90% Wilson interval');
    expect(words).toContain('probability of recovery within 14 days');
  });

  test('with the event log left out, its keys are not listed', () => {
    const text = linesOf(render(<HelpOverlay snapshot={realSnapshot()} width={80} rows={30} hidden={['select-event', 'details']} />).lastFrame()).join('\n');
    expect(text).not.toMatch(/^ {2}(↑ \/ ↓|Enter) /m);
    expect(text).toMatch(/^ {2}space +pause/m);
  });

  test('says when the risk is not estimated', () => {
    const text = linesOf(render(<HelpOverlay snapshot={noRiskSnapshot()} width={80} rows={30} />).lastFrame()).join(' ');
    expect(text).toContain('stall.rollouts is 0');
  });

  test('short of rows: blank lines go, then the keys share lines, then it is cut', () => {
    const roomy = linesOf(render(<HelpOverlay snapshot={realSnapshot()} width={80} rows={30} />).lastFrame());
    expect(roomy).toContain('');
    const tight = linesOf(render(<HelpOverlay snapshot={realSnapshot()} width={80} rows={14} />).lastFrame());
    expect(tight.length).toBeLessThanOrEqual(14);
    expect(tight[1]).toContain('space pause / resume · → step one round');
    const cut = linesOf(render(<HelpOverlay snapshot={realSnapshot()} width={80} rows={5} />).lastFrame());
    expect(cut).toHaveLength(5);
    expect(cut[4]).toMatch(/…$/);
  });
});
