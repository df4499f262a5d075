// When parley opens the dashboard and when it prints plain output.
import {describe, expect, it} from 'vitest';
import {canUseDashboard, decideMode, inCi, supportsHyperlinks} from '../../src/cli/mode.js';
import {dashboardReducer, initialDashboardState, newSeed} from '../../src/ui/dashboard/use-dashboard-state.js';

const tty = {stdin: {isTTY: true}, stdout: {isTTY: true, columns: 80, rows: 24}};

describe('interactive mode', () => {
  it('needs a terminal on stdin and stdout, a size, and no CI', () => {
    expect(canUseDashboard({}, tty)).toBe(true);
    expect(canUseDashboard({CI: 'true'}, tty)).toBe(false);
    expect(canUseDashboard({CI: ''}, tty)).toBe(false);
    expect(canUseDashboard({CI: 'false'}, tty)).toBe(true);
    expect(canUseDashboard({}, {...tty, stdin: {isTTY: false}})).toBe(false);
    expect(canUseDashboard({}, {...tty, stdout: {isTTY: false, columns: 80, rows: 24}})).toBe(false);
    expect(canUseDashboard({}, {...tty, stdout: {isTTY: true, columns: 0, rows: 0}})).toBe(false);
    expect(inCi({CONTINUOUS_INTEGRATION: '1'})).toBe(true);
  });

  it('is decided once for every command: the dashboard, and whether progress redraws its line on stderr', () => {
    const all = {...tty, stderr: {isTTY: true}};
    expect(decideMode({}, all)).toEqual({dashboard: true, liveProgress: true});
    expect(decideMode({CI: '1'}, all)).toEqual({dashboard: false, liveProgress: false});
    // `parley sweep … > runs.csv` on a terminal: no dashboard to open, but the bar on stderr.
    expect(decideMode({}, {...all, stdout: {isTTY: false}})).toEqual({dashboard: false, liveProgress: true});
    expect(decideMode({}, {...all, stderr: {isTTY: false}})).toEqual({dashboard: true, liveProgress: false});
  });
});

describe('hyperlinks', () => {
  const tty = {isTTY: true};
  it('only on terminals known to show them, never in CI, tmux or off a TTY; FORCE_HYPERLINK decides when set', () => {
    expect(supportsHyperlinks({TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.4.19'}, tty)).toBe(true);
    expect(supportsHyperlinks({TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.0.1'}, tty)).toBe(false);
    expect(supportsHyperlinks({VTE_VERSION: '6003', TERM: 'xterm-256color'}, tty)).toBe(true);
    expect(supportsHyperlinks({TERM: 'xterm-kitty'}, tty)).toBe(true);
    expect(supportsHyperlinks({WT_SESSION: 'x'}, tty)).toBe(true);
    expect(supportsHyperlinks({TERM: 'xterm-256color'}, tty)).toBe(false);
    expect(supportsHyperlinks({VTE_VERSION: '6003', TMUX: '/tmp/tmux-1/default,1,0', TERM: 'tmux-256color'}, tty)).toBe(false);
    expect(supportsHyperlinks({VTE_VERSION: '6003', CI: 'true'}, tty)).toBe(false);
    expect(supportsHyperlinks({VTE_VERSION: '6003'}, {isTTY: false})).toBe(false);
    expect(supportsHyperlinks({FORCE_HYPERLINK: '1', TMUX: 'x'}, tty)).toBe(true);
    expect(supportsHyperlinks({FORCE_HYPERLINK: '0', WT_SESSION: 'x'}, tty)).toBe(false);
  });
});

describe('dashboard state', () => {
  it('toggles help, closes it with escape, and counts new seeds', () => {
    let s = dashboardReducer(initialDashboardState, {type: 'toggle-help'});
    expect(s.help).toBe(true);
    s = dashboardReducer(s, {type: 'close-overlays'});
    expect(s.help).toBe(false);
    expect(dashboardReducer(s, {type: 'close-overlays'})).toBe(s);
    s = dashboardReducer(dashboardReducer(s, {type: 'new-seed'}), {type: 'new-seed'});
    expect(s.newSeeds).toBe(2);
    expect(newSeed('doha', 2)).toBe('doha~2');
  });

  it('the date prompt: typing, erasing, Enter, the error, closing; the event in full', () => {
    let s = dashboardReducer(initialDashboardState, {type: 'prompt-type', text: '2'});
    expect(s.prompt).toBeNull();
    s = dashboardReducer(s, {type: 'open-prompt'});
    for (const ch of '2020-13-011') s = dashboardReducer(s, {type: 'prompt-type', text: ch});
    // A date is ten characters: the eleventh is dropped.
    expect(s.prompt).toEqual({text: '2020-13-01', error: null});
    s = dashboardReducer(s, {type: 'prompt-error', message: '2020-13-01 is not a calendar date'});
    expect(s.prompt).toEqual({text: '2020-13-01', error: '2020-13-01 is not a calendar date'});
    s = dashboardReducer(s, {type: 'prompt-erase'});
    expect(s.prompt).toEqual({text: '2020-13-0', error: null});
    s = dashboardReducer(s, {type: 'close-prompt'});
    expect(s.prompt).toBeNull();
    s = dashboardReducer(dashboardReducer(s, {type: 'toggle-help'}), {type: 'toggle-detail'});
    expect(s).toMatchObject({detail: true, help: false});
    expect(dashboardReducer(s, {type: 'close-overlays'})).toMatchObject({detail: false, help: false});
  });
});
