// Does every policy parameter do something? For each policy of the registry and each bundled
// scenario, the scenario is run with that policy in its agent's seat (its defaults), then with
// each parameter moved alone across its range, on the same seeds. A parameter is live in a
// scenario when some value gives some seed a different outcome (status, completion day,
// releases, batches, walk-outs, stalled days, custody) from the defaults; dead when no value
// in no scenario does. `npm run audit:params` prints it.
import {POLICIES} from '../agents/registry.js';
import {paramInfo, type ParamInfo} from '../agents/param-info.js';
import type {PolicyDefinition} from '../agents/define.js';
import {bundledScenarioNames, readScenarioFile} from '../scenario/load.js';
import {parseScenario} from '../scenario/resolve.js';
import {readRun, type RunName} from '../sim/observables.js';
import {RunArena} from '../sim/run.js';

export interface ParamVerdict {
  policy: string;
  agent: string;
  param: string;
  /** The values tried besides the default. */
  values: unknown[];
  /** Bundled scenarios where some value changed some seed's outcome, with how many seeds. */
  liveIn: {scenario: string; seeds: number}[];
}

/** The outcomes a parameter must move to count: what a student or a sweep reads off a run. */
const OUTCOMES: readonly RunName[] = [
  'status',
  'outcomeDay',
  'releasedByGovernment',
  'releasedByTaliban',
  'governmentBatches',
  'talibanBatches',
  'walkouts',
  'stalledDays',
  'transferredToCustody',
];

/** Values to try: the range's ends and half and double the default, for numbers; every other choice otherwise. */
export function trialValues(p: ParamInfo): unknown[] {
  if (p.values) return p.values.filter((v) => v !== p.default);
  if (p.type === 'boolean') return [!p.default];
  if (typeof p.default !== 'number' || p.min === null || p.max === null) return [];
  const d = p.default;
  const round = (x: number): number => (p.type === 'integer' ? Math.round(x) : Number(x.toPrecision(6)));
  const clamp = (x: number): number => Math.min(p.max!, Math.max(p.min!, x));
  return [...new Set([p.min, round(clamp(d / 2)), round(clamp(d * 2)), p.max].filter((x) => x !== d))];
}

export function auditPolicy(def: PolicyDefinition, scenarios: readonly string[], seeds: readonly string[]): ParamVerdict[] {
  const seat = `agents.${def.agent}`;
  const params = paramInfo(def);
  const verdicts = params.map((p): ParamVerdict => ({policy: def.name, agent: def.agent, param: p.name, values: trialValues(p), liveIn: []}));
  const arena = new RunArena();
  for (const scenario of scenarios) {
    const {file, data: raw} = readScenarioFile(scenario);
    const policy = `${seat}.policy=${def.name}`;
    // One config a variant, its seeds run in one arena (as a sweep's worker runs a point).
    const outcomes = (set: string[]): string[] => {
      const {config} = parseScenario(raw, file, {set: [...set, 'stall.rollouts=0']});
      return seeds.map((seed) => JSON.stringify(readRun(OUTCOMES, arena.run(config, seed), 'raw')));
    };
    const base = outcomes([policy]);
    for (const v of verdicts) {
      const moved = new Set<number>();
      for (const value of v.values) {
        const got = outcomes([policy, `${seat}.params.${v.param}=${String(value)}`]);
        got.forEach((o, i) => o !== base[i] && moved.add(i));
      }
      if (moved.size > 0) v.liveIn.push({scenario, seeds: moved.size});
    }
  }
  return verdicts;
}

export function paramAudit(seedCount = 20, scenarios: readonly string[] = bundledScenarioNames()): ParamVerdict[] {
  const seeds = Array.from({length: seedCount}, (_, i) => `audit-${i}`);
  return POLICIES.flatMap((def) => auditPolicy(def, scenarios, seeds));
}

export function paramAuditText(verdicts: readonly ParamVerdict[], seedCount: number): string {
  const dead = verdicts.filter((v) => v.liveIn.length === 0);
  const lines = [
    `Policy parameters moved alone (range ends, half and double the default) in each bundled scenario, ${seedCount} seeds:`,
    '',
    ...verdicts.map((v) => {
      const where = v.liveIn.length === 0 ? 'DEAD: moves no outcome in any scenario' : v.liveIn.map((l) => `${l.scenario} (${l.seeds})`).join(', ');
      return `  ${`${v.agent} ${v.policy}`.padEnd(32)} ${v.param.padEnd(22)} ${where}`;
    }),
    '',
    `${dead.length} of ${verdicts.length} parameters move no outcome in any bundled scenario.`,
  ];
  return `${lines.join('\n')}\n`;
}
