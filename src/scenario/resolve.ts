// From a scenario reference (a file or a bundled name) plus overrides to the engine's SimConfig.
import type {z} from 'zod';
import {findPolicy, policiesFor} from '../agents/registry.js';
import {dayOfDate, parseIsoDate, type Calendar} from '../sim/calendar.js';
import type {ResolvedAgent, ScheduledEvent, SimConfig} from '../sim/config.js';
import {byAssignment, sharedStrings} from '../sim/shape.js';
import {AGENTS, type AgentId} from '../sim/types.js';
import {InputError, invalid, zodProblems, type Validated} from './errors.js';
import {readScenarioFile} from './load.js';
import {applyOverrides, parseOverride, type Override} from './overrides.js';
import {scenarioSchema, type Scenario} from './schema.js';
import {scheduledEvent} from './scheduled.js';
import {didYouMean} from './suggest.js';

export interface LoadOptions {
  /** `--set path=value` texts. */
  set?: readonly string[];
  /** Overrides already parsed (a sweep's point: values, not texts), applied after `set`. */
  overrides?: readonly Override[];
  seed?: string;
  days?: number;
}

export interface LoadedScenario {
  file: string;
  scenario: Scenario;
  config: SimConfig;
  /** Things the user should know (e.g. params dropped when a policy was switched). */
  notes: string[];
}

export function loadScenario(ref: string, options: LoadOptions = {}): LoadedScenario {
  const {file, data} = readScenarioFile(ref);
  return parseScenario(data, file, options);
}

/** The overrides the options make, in order: `set`, `overrides`, then the seed and the days. */
export function optionOverrides(options: LoadOptions): Override[] {
  const overrides: Override[] = [...(options.set ?? []).map(parseOverride), ...(options.overrides ?? [])];
  if (options.seed !== undefined) overrides.push({path: ['seed'], value: options.seed, text: `seed=${options.seed}`, flag: `--seed ${options.seed}`});
  if (options.days !== undefined) overrides.push({path: ['days'], value: options.days, text: `days=${options.days}`, flag: `--days ${options.days}`});
  return overrides;
}

export function parseScenario(raw: unknown, file: string, options: LoadOptions = {}): LoadedScenario {
  const overrides = optionOverrides(options);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalid(file, ['(top level): expected a mapping of scenario fields']);
  const {data, notes, targets} = applyOverrides(raw, overrides);
  checkPolicyNames(data, file);
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) throw invalid(file, attributeToOverrides(parsed.error, {schema: scenarioSchema, data}, overrides, targets));
  const config = toSimConfig(parsed.data, file);
  notes.push(...lateEvents(parsed.data, config));
  return {file, scenario: parsed.data, config, notes};
}

/**
 * Problems in fields set on the command line name the --set (or --seed, --days) that set them,
 * so the user is not sent looking for an error in a file that is fine.
 */
function attributeToOverrides(error: z.ZodError, validated: Validated, overrides: readonly Override[], targets: Map<Override, string[]>): string[] {
  const lines = zodProblems(error, validated);
  return error.issues.map((issue, i) => {
    const path = issue.path.map(String);
    const startsWith = (a: readonly string[], b: readonly string[]): boolean => b.every((seg, k) => a[k] === seg);
    // An unknown field's issue is on the section that holds it; the --set wrote that field, or into it.
    const wrote = (written: string[]): boolean =>
      issue.code === 'unrecognized_keys' ? issue.keys.some((k) => startsWith(written, [...path, k])) : startsWith(path, written);
    const o = [...overrides].reverse().find((ov) => wrote(targets.get(ov) ?? ov.path));
    if (!o) return lines[i]!;
    return `${lines[i]} (from ${o.flag ?? `--set ${o.text}`})`;
  });
}

/** Unknown policy names get a message that lists the choices. */
function checkPolicyNames(data: unknown, file: string): void {
  const agents = field(data, 'agents');
  for (const agent of AGENTS) {
    const policy = field(field(agents, agent), 'policy');
    if (typeof policy === 'string' && !findPolicy(agent, policy)) {
      const names = policiesFor(agent).map((p) => p.name);
      throw invalid(file, [`agents.${agent}.policy: unknown policy "${policy}"; expected one of ${names.join(', ')}${didYouMean(policy, names)}`]);
    }
  }
}

/** `o[key]` when `o` is an object, else undefined: reading raw, unvalidated data. */
function field(o: unknown, key: string): unknown {
  return typeof o === 'object' && o !== null ? Reflect.get(o, key) : undefined;
}

/**
 * Events after the last round never fire. They are not refused: a shorter --days is the quick way
 * to look at a run's start, and the scenario's later events are meant for the full run.
 */
function lateEvents(s: Scenario, config: SimConfig): string[] {
  const late: string[] = [];
  s.events.forEach((e, i) => {
    const day = e.day ?? dayOfDate(config.calendar, e.date!)!;
    if (day > config.days) late.push(`events[${i}] (${e.type} on day ${day})`);
  });
  if (!late.length) return [];
  const more = late.length > 1 ? ` and ${late.length - 1} more come` : ' comes';
  return [`${late[0]}${more} after the last day (${config.days}): ${late.length > 1 ? 'they never happen' : 'it never happens'}`];
}

function toSimConfig(s: Scenario, file: string): SimConfig {
  const startEpoch = parseIsoDate(s.start);
  if (startEpoch === null) throw invalid(file, [`start: "${s.start}" is not a calendar date`]);
  const calendar: Calendar = {startEpoch, roundDays: s.roundDays};
  const problems: string[] = [];
  const events: ScheduledEvent[] = [];
  s.events.forEach((e, i) => {
    let day = e.day;
    if (e.date !== undefined) {
      const d = dayOfDate(calendar, e.date);
      if (d === null) {
        problems.push(`events[${i}].date: "${e.date}" is not a calendar date`);
        return;
      }
      if (d < 0) {
        problems.push(`events[${i}].date: ${e.date} is before the scenario starts (${s.start})`);
        return;
      }
      day = d;
    }
    if (day === undefined) return; // the schema asks for one of date or day
    events.push(scheduledEvent(e, day));
  });
  if (problems.length) throw invalid(file, problems);
  // Stable sort: same-day events fire in file order.
  events.sort((a, b) => a.day - b.day);

  const bind = (agent: AgentId): ResolvedAgent => findPolicy(agent, s.agents[agent].policy)!.bind(s.agents[agent].params);
  const agents = byAssignment({government: bind('government'), taliban: bind('taliban'), us: bind('us')});
  // Built by assignment, as every object a sweep makes anew at each point, its words shared (sim/shape.ts).
  return sharedStrings(byAssignment({
    name: s.name,
    seed: s.seed,
    calendar,
    start: s.start,
    days: s.days,
    talksStart: s.talks,
    govPool: {...s.pools.government, seed: `${s.pools.seed}/government`},
    talPool: {...s.pools.taliban, seed: `${s.pools.seed}/taliban`},
    agents,
    events,
    stall: s.stall,
    world: s.world,
    completion: s.completion,
  }));
}

export {InputError};
