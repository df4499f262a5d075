// The parameter audit (npm run audit:params): the values it tries and its verdicts on a policy
// whose parameters it must tell apart, one that sets the pace and one that changes who is freed
// (which the Taliban's trust and COVID-19 relief read, docs/model.md §4).
import {describe, expect, it} from 'vitest';
import {paramInfo} from '../../src/agents/param-info.js';
import {twoLevelRatifier} from '../../src/agents/government/two-level-ratifier.js';
import {auditPolicy, paramAuditText, trialValues} from '../../src/analysis/param-audit.js';

const info = (name: string) => paramInfo(twoLevelRatifier).find((p) => p.name === name)!;

describe('trialValues', () => {
  it('tries the range ends and half and double the default, rounded for whole numbers, never the default', () => {
    expect(trialValues(info('batchSize'))).toEqual([10, 50, 200, 2000]); // default 100 in [10, 2000]
    expect(trialValues(info('growth'))).toEqual([1, 2.5, 3]); // 1.25 in [1, 3]: half clamps to 1
  });
  it('tries every other choice of an enumerated parameter', () => {
    const criteria = info('criteria');
    expect(trialValues(criteria)).toEqual(criteria.values!.filter((v) => v !== 'humanitarian'));
  });
});

describe('auditPolicy', () => {
  const verdicts = auditPolicy(twoLevelRatifier, ['afghanistan-2020'], ['a', 'b', 'c']);
  const of = (name: string) => verdicts.find((v) => v.param === name)!;
  it('finds the batch size live on every seed', () => {
    expect(of('batchSize').liveIn).toEqual([{scenario: 'afghanistan-2020', seeds: 3}]);
  });
  it('finds the batch criteria live: who is freed now moves outcomes', () => {
    const [live, ...more] = of('criteria').liveIn;
    expect(more).toEqual([]);
    expect(live!.scenario).toBe('afghanistan-2020');
    expect(live!.seeds).toBeGreaterThan(0); // on how many of the 3 seeds depends on the model's numbers
    expect(paramAuditText(verdicts, 3)).not.toMatch(/DEAD/);
  });
  it('reports a parameter that moves nothing as dead, and counts it', () => {
    const dead = {...of('criteria'), liveIn: []};
    const text = paramAuditText([of('batchSize'), dead], 3);
    expect(text).toMatch(/criteria +DEAD/);
    expect(text).toMatch(/1 of 2 parameters/);
  });
});
