// The readable end-of-run summary `parley run` prints without --json: plain text, no colour,
// at most 80 columns. A pure function of the report, so it is as deterministic as the report.
import {findPolicy} from '../agents/registry.js';
import type {RunReport} from '../sim/report.js';
import {groupDigits} from '../fmt/group-digits.js';
import {plural} from '../fmt/plural.js';
import {CAUSE_WORDS} from '../fmt/stall-cause.js';
import {padEnd, padStart, percent, wrap} from './plain.js';

const WIDTH = 80;
/** Batches listed before "… N more": enough to see the rhythm of the exchange. */
const BATCHES_SHOWN = 10;

export function formatSummary(report: RunReport): string {
  const sections = [header(report), totals(report), versusHistory(report), batches(report), walkouts(report), policies(report)];
  return sections.filter((s) => s !== '').join('\n\n') + '\n';
}

const dayDate = (day: number, date: string): string => `day ${day} (${date})`;

function header(r: RunReport): string {
  const horizon = r.roundDays === 1 ? `${r.days} days` : `${r.days} rounds of ${r.roundDays} days`;
  const lines = [wrap(`${r.scenario} · seed ${r.seed} · from ${r.start}, ${horizon} at most`, WIDTH, '', 2)];
  if (r.from) {
    const f = r.from;
    lines.push(
      wrap(
        `from the historical record on ${f.date} (day ${f.day}): government ${groupDigits(f.released.government)} and taliban ${groupDigits(f.released.taliban)} released, talks ${f.talks}; simulated from there`,
        WIDTH,
        'Forked     ',
        11,
      ),
    );
  }
  if (r.posterior) lines.push(wrap(posterior(r.posterior), WIDTH, 'Posterior  ', 11));
  lines.push(`Outcome    ${outcome(r)}`);
  return lines.join('\n');
}

/** The particle the run's parameters were drawn from, and its values. */
function posterior(p: NonNullable<RunReport['posterior']>): string {
  const values = Object.entries(p.values).map(([path, v]) => `${path}=${v}`);
  return `particle ${p.particle} of ${groupDigits(p.particles)} in ${p.file} (weight ${Number(p.weight.toPrecision(3))}): ${values.join(', ')}`;
}

/** The run against the record its scenario names: where each side departs from it, if it does. */
function versusHistory(r: RunReport): string {
  const h = r.history;
  if (!h || h.points.length === 0) return '';
  const lines = [`Record     versus ${h.history} (departs: off by more than 50 and 10%)`];
  for (const side of ['government', 'taliban'] as const) {
    const points = h.points.filter((p) => p.side === side);
    if (points.length === 0) continue;
    const first = h.first[side];
    const at = first ? points.find((p) => p.day === first.day)! : points[points.length - 1]!;
    const what = first ? `departs on ${at.date}` : `follows it to ${at.date}`;
    lines.push(`           ${padEnd(side, 10)} ${what}: model ${groupDigits(at.model)}, reported ${groupDigits(at.observed)}`);
  }
  return lines.join('\n');
}

function outcome(r: RunReport): string {
  const {status, day, date} = r.outcome;
  if (status === 'complete') return `exchange complete on ${dayDate(day!, date!)}`;
  if (status === 'broken') return `talks broke down on ${dayDate(day!, date!)}`;
  const last = r.daily[r.daily.length - 1];
  return last ? `not finished after ${dayDate(last.day, last.date)}` : 'not started';
}

function totals(r: RunReport): string {
  const t = r.totals;
  const target = (n: number | undefined): string => (n === undefined ? '' : ` of ${groupDigits(n)}`);
  const onList = t.releasedByGovernment - t.offListReleases + t.transferredToCustody;
  const govExtras = [
    t.transferredToCustody > 0 ? `${groupDigits(t.transferredToCustody)} of them to custody` : '',
    t.offListReleases > 0 ? `also ${groupDigits(t.offListReleases)} off the list` : '',
  ].filter((s) => s !== '');
  const gov = `${groupDigits(onList)}${target(r.targets.government)} on the list${govExtras.length ? ` (${govExtras.join('; ')})` : ''}`;
  const tal = `taliban    ${groupDigits(t.releasedByTaliban)}${target(r.targets.taliban)} captives`;
  const episodes = `${t.stallEpisodes} episode${t.stallEpisodes === 1 ? '' : 's'}, ${t.stalledDays} day${t.stalledDays === 1 ? '' : 's'} stalled`;
  return [
    wrap(gov, WIDTH, 'Released   government ', 22),
    `           ${tal}`,
    `Batches    ${t.batches} (government ${t.governmentBatches}, taliban ${t.talibanBatches})`,
    `Walk-outs  ${t.walkouts}`,
    `Stalls     ${episodes}`,
    wrap(stallRisk(r, r.stall.confidence), WIDTH, 'Stall risk ', 11),
  ].join('\n');
}

function stallRisk(r: RunReport, confidence: number): string {
  const peak = r.peakStallRisk;
  // The peak is over the days the talks are under way (sim/under-way.ts).
  if (!peak) return r.daily.some((d) => d.stallRisk !== null) ? 'no peak: the talks never met' : 'not estimated';
  const due = peak.cause !== null && peak.days !== null ? `: ${CAUSE_WORDS[peak.cause]}, ${plural(peak.days, 'day')} ahead at the median` : '';
  return `peak ${percent(peak.p)} (${percent(confidence)} interval ${percent(peak.lo)}–${percent(peak.hi)}) on ${dayDate(peak.day, peak.date)}${due}`;
}

function batches(r: RunReport): string {
  if (r.batches.length === 0) return 'Batches: none';
  const countWidth = Math.max(5, ...r.batches.map((b) => groupDigits(b.count).length));
  const lines = ['Batches', `  ${padStart('day', 4)}  date        ${padEnd('from', 10)}  ${padStart('count', countWidth)}`];
  // "… 1 more" would take the line the batch itself needs.
  const shown = r.batches.length <= BATCHES_SHOWN + 1 ? r.batches.length : BATCHES_SHOWN;
  for (const b of r.batches.slice(0, shown)) {
    const mark = b.unilateral ? '  unilateral' : '';
    lines.push(`  ${padStart(String(b.day), 4)}  ${b.date}  ${padEnd(b.from, 10)}  ${padStart(groupDigits(b.count), countWidth)}${mark}`);
  }
  const more = r.batches.length - shown;
  if (more > 0) lines.push(`  … ${more} more (--json lists them all)`);
  return lines.join('\n');
}

function walkouts(r: RunReport): string {
  if (r.walkouts.length === 0) return '';
  const lines = ['Walk-outs', `  ${padStart('day', 4)}  date        by`];
  for (const w of r.walkouts) {
    const back = w.returnDay === null ? 'had not returned' : `returned on ${dayDate(w.returnDay, w.returnDate!)}`;
    lines.push(wrap(`${w.reason}; ${back}`, WIDTH, `  ${padStart(String(w.day), 4)}  ${w.date}  ${padEnd(w.by, 10)}  `, 32));
  }
  return lines.join('\n');
}

function policies(r: RunReport): string {
  const lines = ['Policies'];
  for (const [agent, {policy, params}] of Object.entries(r.policies)) {
    const changed = changedParams(agent, policy, params);
    const head = `  ${padEnd(agent, 11)} ${policy}`;
    lines.push(changed.length ? wrap(changed.join(' '), WIDTH, `${head}  `, head.length + 2) : head);
  }
  return lines.join('\n');
}

/** `batchSize=200` for every parameter that differs from the policy's default. */
function changedParams(agent: string, policy: string, params: Readonly<Record<string, unknown>>): string[] {
  const def = findPolicy(agent as Parameters<typeof findPolicy>[0], policy);
  const defaults = def ? (def.params.parse({}) as Record<string, unknown>) : {};
  return Object.entries(params)
    .filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(defaults[k]))
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
}
