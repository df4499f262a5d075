import '../helpers/no-color.js';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, test} from 'vitest';
import {ReleasesPanel} from '../../src/ui/dashboard/panels/ReleasesPanel.js';
import {linesOf} from '../helpers/ink.js';
import {finishedSnapshot, realSnapshot, startSnapshot} from '../helpers/snapshots.js';

afterEach(cleanup);

const midway = () => ({...realSnapshot(), released: {government: 1780, taliban: 420, custody: 0, offList: 0}});

describe('ReleasesPanel', () => {
  test('two bars against the targets, then the ratio against the agreed one', () => {
    const {lastFrame} = render(<ReleasesPanel snapshot={midway()} width={80} rows={3} />);
    const [gov, tal, ratio] = linesOf(lastFrame());
    expect(gov).toMatch(/^Gov → Taliban {2}█+[▏▎▍▌▋▊▉]?░+ {2}1,780 \/ 5,000 {2}36%$/);
    expect(tal).toMatch(/^Taliban → Gov {2}█+[▏▎▍▌▋▊▉]?░+ {4}420 \/ 1,000 {2}42%$/);
    expect(ratio).toBe('ratio 4.2 : 1 (agreed 5 : 1)');
    expect(gov).toHaveLength(80);
  });

  test('bars scale to the width', () => {
    const narrow = linesOf(render(<ReleasesPanel snapshot={midway()} width={38} rows={2} />).lastFrame());
    expect(narrow).toHaveLength(2);
    expect(narrow[0]).toMatch(/^Gov → Taliban {2}[█▏▎▍▌▋▊▉░]{8} {2}1,780 \/ 5,000$/);
  });

  test('off-list releases and custody transfers are counted apart', () => {
    const {lastFrame} = render(<ReleasesPanel snapshot={finishedSnapshot()} width={80} rows={3} />);
    const [gov, tal, ratio] = linesOf(lastFrame());
    // The target counts on-list releases plus custody: 5,444 - 450 + 6.
    expect(gov).toContain('5,000 / 5,000');
    expect(gov).not.toContain('░');
    expect(tal).toContain('1,000 / 1,000');
    expect(ratio).toBe('ratio 5.4 : 1 (agreed 5 : 1) · 450 off the list · 6 in custody');
  });

  test('before any release', () => {
    const {lastFrame} = render(<ReleasesPanel snapshot={startSnapshot()} width={80} rows={3} />);
    expect(linesOf(lastFrame())[2]).toBe('ratio – (no Taliban releases yet; agreed 5 : 1)');
  });
});
