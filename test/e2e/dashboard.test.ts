// The dashboard end to end, in tmux at 80x24: it opens, shows the Taliban walk-out banner, pauses,
// steps one day, quits with q (exit 0) or Ctrl-C (exit 130), and never draws a line wider than
// the terminal; `parley replay` plays the 2020 record, seeks to a date, jumps between events, and
// with --compare prints the fit measures once it closes. CI installs tmux (.ci/run); elsewhere the
// test is skipped if tmux is missing.
import {afterEach, describe, expect, it} from 'vitest';
import {bundledScenarioNames} from '../../src/scenario/load.js';
import {CLI, hasTmux, Terminal} from './tmux.js';

/** The event log's mark on the selected event (dates lose their year in a narrow column). */
const MARKED = /▸ (2020-)?\d\d-\d\d /;
const dayOf = (screen: string): number => Number(/day (\d+)\//.exec(screen)?.[1] ?? NaN);

/** Every line within the columns and the frame shorter than the terminal. */
function expectFitsIn(screen: string, columns: number, rows: number): void {
  for (const line of screen.split('\n')) expect([...line].length).toBeLessThanOrEqual(columns);
  expect(screen.split('\n').filter((l) => l.trim() !== '').length).toBeLessThan(rows);
}
const expectFits = (screen: string): void => expectFitsIn(screen, 80, 24);

describe.skipIf(!hasTmux && !process.env.CI)('dashboard in a real terminal (tmux 80x24)', () => {
  let term: Terminal | null = null;
  afterEach(() => term?.close());

  it('shows the walk-out banner, pauses, steps one day and quits', async () => {
    term = new Terminal(`node ${CLI} run afghanistan-2020 --speed 20 --set stall.rollouts=50`);
    const banner = await term.waitFor((s) => s.includes('WALK-OUT'));
    expect(banner).toMatch(/taliban/i);
    for (const line of banner.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    expect(banner.split('\n').filter((l) => l.trim() !== '').length).toBeLessThan(24);

    term.keys('Space');
    const paused = await term.waitFor((s) => s.includes('paused'));
    const day = dayOf(paused);
    expect(Number.isNaN(day)).toBe(false);
    await new Promise((r) => setTimeout(r, 500));
    expect(dayOf(term.screen())).toBe(day);

    term.keys('Right');
    await term.waitFor((s) => dayOf(s) === day + 1);

    term.keys('q');
    const end = await term.waitFor((s) => s.includes('[exit '));
    expect(end).toContain('[exit 0]');
  });

  it('keys sent together in one send-keys each count: +++ raises the speed three steps, " +" pauses and speeds up, " q" quits', async () => {
    term = new Terminal(`node ${CLI} run afghanistan-2020 --speed 1 --set stall.rollouts=20`);
    await term.waitFor((s) => s.includes('running') && s.includes('1 d/s'));
    term.keys('+++');
    await term.waitFor((s) => s.includes('10 d/s'));
    // Space and another key together: both count.
    term.keys('-l', ' +');
    await term.waitFor((s) => /20 d\/s · paused/.test(s) && s.includes('space resume'));
    term.keys('-l', ' q');
    expect(await term.waitFor((s) => s.includes('[exit '))).toContain('[exit 0]');
  });

  it('the help holds the run, and closing it lets it go on', async () => {
    term = new Terminal(`node ${CLI} run afghanistan-2020 --speed 10 --set stall.rollouts=20`);
    await term.waitFor((s) => s.includes('running') && dayOf(s) > 0);
    term.keys('?');
    const help = await term.waitFor((s) => s.includes('Keys') && /d\/s · paused/.test(s));
    await new Promise((r) => setTimeout(r, 600));
    expect(dayOf(term.screen())).toBe(dayOf(help));
    term.keys('?');
    await term.waitFor((s) => /d\/s · running/.test(s) && dayOf(s) > dayOf(help));
    term.keys('q');
    expect(await term.waitFor((s) => s.includes('[exit '))).toContain('[exit 0]');
  });

  it('selects an event in the log and shows its whole reason (Enter), Esc closes', async () => {
    term = new Terminal(`node ${CLI} run afghanistan-2020 --speed 5 --set stall.rollouts=20`, 120, 40);
    await term.waitFor((s) => s.includes('WALK-OUT'));
    term.keys('Up');
    await term.waitFor((s) => MARKED.test(s) && /d\/s · paused/.test(s));
    term.keys('Enter');
    const full = await term.waitFor((s) => /#\d+ · 2020-\d\d-\d\d · \S+ · \S+/.test(s) && /event \d+ of \d+/.test(s));
    expectFitsIn(full, 120, 40);
    term.keys('Escape');
    await term.waitFor((s) => !/event \d+ of \d+/.test(s) && MARKED.test(s));
    term.keys('Escape');
    await term.waitFor((s) => !MARKED.test(s) && /d\/s · running/.test(s));
    term.keys('q');
    expect(await term.waitFor((s) => s.includes('[exit '))).toContain('[exit 0]');
  });

  it('restores the terminal and exits 130 on Ctrl-C', async () => {
    term = new Terminal(`node ${CLI} run baseline --speed 5 --set stall.rollouts=20`);
    await term.waitFor((s) => s.includes('baseline') && s.includes('running'));
    term.keys('C-c');
    const end = await term.waitFor((s) => s.includes('[exit '));
    expect(end).toContain('[exit 130]');
    // The shell got its terminal back: it can echo a typed command line.
    term.keys('echo restored-ok', 'Enter');
    await term.waitFor((s) => s.includes('restored-ok'));
  });

  it('opens the scenario picker with no arguments, then the chosen scenario', async () => {
    term = new Terminal(`node ${CLI}`);
    await term.waitFor((s) => s.includes('Choose a scenario') && s.includes('❯ afghanistan-2020'));
    // Down to baseline, past the afghanistan-2020 information sets listed before it.
    term.keys(...Array<string>(bundledScenarioNames().indexOf('baseline')).fill('Down'), 'Enter');
    await term.waitFor((s) => s.includes('baseline · seed baseline'));
    term.keys('q');
    expect(await term.waitFor((s) => s.includes('[exit '))).toContain('[exit 0]');
  });

  it('re-lays out when the terminal is resized, from 200x60 down to 80x24', async () => {
    term = new Terminal(`node ${CLI} run afghanistan-2020 --speed 20 --set stall.rollouts=50`, 200, 60);
    const wide = await term.waitFor((s) => s.includes('running') && s.includes('Gov → Taliban'));
    expect(Math.max(...wide.split('\n').map((l) => [...l].length))).toBeGreaterThan(100);
    term.tmux('resize-window', '-t', 'main', '-x', '80', '-y', '24');
    const narrow = await term.waitFor((s) => {
      const lines = s.split('\n');
      return lines.length <= 25 && lines.every((l) => [...l].length <= 80) && s.includes('Gov → Taliban') && /day \d+\/230/.test(s);
    });
    expect(narrow.split('\n').filter((l) => l.trim() !== '').length).toBeLessThan(24);
    term.keys('q');
    expect(await term.waitFor((s) => s.includes('[exit '))).toContain('[exit 0]');
  });

  it('leaves the picker with Ctrl-C and exit code 130', async () => {
    term = new Terminal(`node ${CLI}`);
    await term.waitFor((s) => s.includes('Choose a scenario'));
    term.keys('C-c');
    expect(await term.waitFor((s) => s.includes('[exit '))).toContain('[exit 130]');
  });

  it('draws without colour under NO_COLOR and with --no-color, with colour otherwise', async () => {
    // An SGR sequence that sets something (a colour, dim, bold), not a plain reset.
    // eslint-disable-next-line no-control-regex
    const colour = /\x1b\[[0-9;]*[1-9][0-9;]*m/;
    for (const [command, coloured] of [
      [`NO_COLOR=1 node ${CLI} run baseline --speed 5`, false],
      [`node ${CLI} run baseline --speed 5 --no-color`, false],
      [`node ${CLI} run baseline --speed 5`, true],
    ] as const) {
      term = new Terminal(command);
      await term.waitFor((s) => s.includes('running'));
      expect(colour.test(term.rawScreen())).toBe(coloured);
      term.close();
    }
    term = null;
  });

  it('replays 2020: seeks to the walk-out, jumps between events, refuses a bad date, quits', async () => {
    term = new Terminal(`node ${CLI} replay`);
    const first = await term.waitFor((s) => s.includes('2020 record') && /day \d+\/196/.test(s));
    expectFits(first);
    term.keys('g');
    await term.waitFor((s) => s.includes('go to date'));
    term.keys('2020-02-30', 'Enter');
    await term.waitFor((s) => s.includes('2020-02-30 is not a calendar date'));
    term.keys('Escape');
    await term.waitFor((s) => !s.includes('go to date'));
    term.keys('g');
    await term.waitFor((s) => s.includes('go to date'));
    term.keys('2020-04-07', 'Enter');
    const walkout = await term.waitFor((s) => s.includes('2020-04-07 · day 38/196') && s.includes('WALK-OUT'));
    expect(walkout).toContain('paused');
    expect(walkout).toContain('T26 · 2020-04-07 · taliban · walk-out');
    expectFits(walkout);

    // In one send-keys: n twice, then p once.
    term.keys('-l', 'nnp');
    await term.waitFor((s) => s.includes('T27 · 2020-04-08 · government · release-batch') && s.includes('day 39/196'));
    term.keys('p');
    await term.waitFor((s) => s.includes('T26 · 2020-04-07') && s.includes('day 38/196'));
    term.keys('p');
    await term.waitFor((s) => s.includes('T25 · 2020-03-31') && s.includes('day 31/196'));

    term.keys('q');
    expect(await term.waitFor((s) => s.includes('[exit '))).toContain('[exit 0]');
  });

  it('replay: the event in full prints each URL whole, for the terminal to wrap; Esc restores the dashboard', async () => {
    const url = 'https://bdnews24.com/world/2020/04/12/taliban-to-release-20-afghan-government-prisoners-on-sunday-spokesman';
    term = new Terminal(`node ${CLI} replay`);
    await term.waitFor((s) => s.includes('2020 record'));
    term.keys('g');
    await term.waitFor((s) => s.includes('go to date'));
    term.keys('2020-04-11', 'Enter');
    await term.waitFor((s) => s.includes('T30 · 2020-04-11'));
    term.keys('Enter');
    await term.waitFor((s) => s.includes('confidence W'));
    // Longer than the 80 columns, so the terminal wrapped it: joined back, it is one line, unbroken.
    expect(url.length).toBeGreaterThan(80);
    expect(term.joinedScreen().split('\n')).toContain(`  ${url}`);
    term.keys('Escape');
    const back = await term.waitFor((s) => !s.includes('confidence W') && s.includes('T30 · 2020-04-11') && s.includes('Gov → Taliban'));
    expectFits(back);
    // The header once, at the top: nothing of the full view is left over.
    expect(back.split('\n').filter((l) => l.includes('day 42/196'))).toHaveLength(1);
    expect(back.split('\n')[0]).toContain('day 42/196');
    term.keys('q');
    expect(await term.waitFor((s) => s.includes('[exit '))).toContain('[exit 0]');
  });

  it('replay --compare draws the model band over the record, then prints the fit measures', async () => {
    term = new Terminal(`node ${CLI} replay --compare --runs 20`);
    await term.waitFor((s) => s.includes('2020 record vs 20 runs'));
    term.keys('g');
    await term.waitFor((s) => s.includes('go to date'));
    term.keys('2020-06-09', 'Enter');
    const band = await term.waitFor((s) => s.includes('day 101/196'));
    expect(band).toMatch(/^Gov → Taliban +[█▓░┃·]+ +3,000 · model [\d,]+ \[[\d,]+–[\d,]+\]$/m);
    expect(band).toContain('10–90% (20 runs)');
    expectFits(band);
    term.keys('q');
    const end = await term.waitFor((s) => s.includes('[exit '));
    // The table's last rows (its head has scrolled out of the 24 rows): the record and the model on each date.
    expect(end).toMatch(/^ {2}taliban {4}day 186 +1,029\*· [\d,]+ \[[\d,]+–[\d,]+\]$/m);
    expect(end).toContain('[exit 0]');
  });

  it('on a terminal too, bad input is a message naming it and exit 2', async () => {
    for (const [command, named] of [
      [`node ${CLI} replay nowhere-1999`, 'nowhere-1999'],
      [`node ${CLI} replay --compare nowhere-2099`, 'nowhere-2099'],
      [`node ${CLI} run afghanistan-2020 --from 2020-13-45`, '--from 2020-13-45'],
    ] as const) {
      term = new Terminal(command);
      const end = await term.waitFor((s) => s.includes('[exit '));
      expect(end).toContain(named);
      expect(end).toContain('[exit 2]');
      expect(end).not.toMatch(/^ {4}at /m);
      term.close();
    }
    term = null;
  });
});
