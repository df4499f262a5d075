// When parley opens the dashboard and when it prints plain output.
import {describe, expect, it} from 'vitest';
import {canUseDashboard, inCi} from '../../src/cli/mode.js';
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
