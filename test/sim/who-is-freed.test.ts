// Who is freed matters (docs/model.md §4): the worth and vulnerability summed in releaseFrom,
// the COVID-19 relief they drive, and the Taliban's trust read by worth.
import {describe, expect, it} from 'vitest';
import {relieveHumanitarian} from '../../src/sim/humanitarian.js';
import {FLAG_ON_LIST, FLAG_VULNERABLE, GOV_TIER, categoryOf, createPoolStatus, govCriteriaIndex, govFilterMask, lastRelease, releaseFrom} from '../../src/sim/pools.js';
import {govPool, type GovPoolSpec} from '../../src/sim/population.js';
import {isVulnerable} from '../../src/sim/prisoner-worth.js';
import {createState} from '../../src/sim/state.js';
import {step} from '../../src/sim/step.js';
import {createStepper} from '../../src/sim/stepper.js';
import {T_TAL_GOV, T_US_GOV, trustOf, updateTrust} from '../../src/sim/trust.js';
import {GOV_CRITERIA} from '../../src/sim/types.js';
import {configOf, rawScenario} from '../helpers/scenario.js';

const SPEC: GovPoolSpec = {onList: 5000, offList: 500, priority: 15, commanders: 400, serious: 600, foreignShare: 0.03, seed: 'population/government'};
const LOW_TIER = categoryOf('government', GOV_TIER.rankAndFile, FLAG_ON_LIST);

describe('who is freed', () => {
  const pool = govPool(SPEC);

  it('gives the low tier on the list a mean worth of 1 and flags the vulnerable', () => {
    let sum = 0;
    let n = 0;
    let vulnerable = 0;
    for (let i = 0; i < pool.size; i++) {
      if (pool.category[i] === LOW_TIER) {
        sum += pool.worth[i]!;
        n++;
      }
      const flagged = (pool.flags[i]! & FLAG_VULNERABLE) !== 0;
      expect(flagged).toBe(isVulnerable(pool.age[i]!, pool.health[i]!));
      if (flagged) vulnerable++;
    }
    expect(sum / n).toBeCloseTo(1, 5);
    expect(pool.vulnerableTotal).toBe(vulnerable);
    expect(vulnerable).toBeGreaterThan(0);
    expect(vulnerable).toBeLessThan(pool.size);
  });

  it('sums the worth and the vulnerable of exactly those it frees, on one list and merged', () => {
    const masks = [govFilterMask({list: 'on', allowSerious: false, allowCommanders: false}), govFilterMask({list: 'any', allowSerious: true, allowCommanders: true})];
    for (const mask of masks) {
      for (const criteria of GOV_CRITERIA) {
        const status = createPoolStatus(pool);
        for (const n of [1, 37, 400]) {
          const before = status.released.slice();
          const taken = releaseFrom(pool, status, govCriteriaIndex(criteria), mask, n);
          let worth = 0;
          let vulnerable = 0;
          for (let i = 0; i < pool.size; i++) {
            if (before[i] === 0 && status.released[i] !== 0) {
              worth += pool.worth[i]!;
              if (pool.flags[i]! & FLAG_VULNERABLE) vulnerable++;
            }
          }
          expect(lastRelease.count).toBe(taken);
          expect(lastRelease.worth).toBeCloseTo(worth, 3);
          expect(lastRelease.vulnerable).toBe(vulnerable);
        }
      }
    }
  });

  it('frees the old and sick first under the humanitarian order, fit fighters under list order', () => {
    const mask = govFilterMask({list: 'on', allowSerious: false, allowCommanders: false});
    const take = (criteria: 'humanitarian' | 'list-order') => {
      releaseFrom(pool, createPoolStatus(pool), govCriteriaIndex(criteria), mask, 500);
      return {worth: lastRelease.worth, vulnerable: lastRelease.vulnerable};
    };
    const old = take('humanitarian');
    const listed = take('list-order');
    expect(old.vulnerable).toBeGreaterThan(2 * listed.vulnerable);
    expect(old.worth).toBeLessThan(0.8 * listed.worth);
  });

  it('relieves COVID-19 pressure in proportion to the vulnerable freed', () => {
    const cfg = configOf(rawScenario());
    const s = createState(cfg, {record: false});
    const st = createStepper(cfg, s);
    const total = st.govPool.vulnerableTotal;
    s.gov.humanitarianLevel = 0.5;
    relieveHumanitarian(s, st.govPool);
    expect(s.gov.humanitarian).toBe(0.5);
    s.counters.govReleasedVulnerable = Math.floor(total / 4);
    relieveHumanitarian(s, st.govPool);
    expect(s.gov.humanitarian).toBeCloseTo((0.5 * (total - Math.floor(total / 4))) / total, 12);
    s.counters.govReleasedVulnerable = total;
    relieveHumanitarian(s, st.govPool);
    expect(s.gov.humanitarian).toBe(0);
    s.gov.humanitarianLevel = 0;
    relieveHumanitarian(s, st.govPool);
    expect(s.gov.humanitarian).toBe(0);
  });

  it('a covid-pressure event sets the level, and the releases after it relieve it', () => {
    const raw = rawScenario({days: 60, talks: 'active', events: [{type: 'covid-pressure', day: 1, level: 0.6}]});
    const cfg = configOf(raw);
    const s = createState(cfg, {record: false});
    const st = createStepper(cfg, s);
    const seen: number[] = [];
    for (let d = 0; d < 60 && s.outcome === 'ongoing'; d++) {
      step(s, cfg, st);
      seen.push(s.gov.humanitarian);
    }
    expect(s.gov.humanitarianLevel).toBe(0.6);
    expect(seen[0]).toBe(0.6);
    expect(s.counters.govReleasedVulnerable).toBeGreaterThan(0);
    expect(seen.at(-1)!).toBeLessThan(0.6);
    expect(seen.at(-1)!).toBeCloseTo((0.6 * (st.govPool.vulnerableTotal - s.counters.govReleasedVulnerable)) / st.govPool.vulnerableTotal, 12);
  });

  it("the Taliban's trust reads what a batch is worth to them; the US's counts heads", () => {
    const cfg = configOf(rawScenario({talks: 'active'}));
    const trustAfter = (worth: number) => {
      const s = createState(cfg, {record: false});
      const st = createStepper(cfg, s);
      s.counters.govToday = 100;
      s.counters.govWorthToday = worth;
      updateTrust(s, cfg, st);
      return {tal: trustOf(s.trust, T_TAL_GOV), us: trustOf(s.trust, T_US_GOV)};
    };
    const fit = trustAfter(100);
    const frail = trustAfter(30);
    expect(frail.tal).toBeLessThan(fit.tal);
    expect(frail.us).toBe(fit.us);
  });
});
