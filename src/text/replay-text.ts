// `parley replay` as plain text: the 2020 timeline day by day, each event with its source row
// and confidence, the releases so far, and the stall episodes under the model's definition.
import type {Comparison, Coverage} from '../analysis/compare.js';
import type {Distribution} from '../analysis/milestones.js';
import type {Replay} from '../history/replay.js';
import {groupDigits} from '../fmt/group-digits.js';

export function formatReplay(r: Replay): string {
  const h = r.history;
  const out: string[] = [`${h.name} · ${h.start} to ${h.end} · ${h.events.length} events · replayed from the sources`, ''];
  let lastTalks = '';
  for (const d of r.days) {
    if (d.events.length === 0 && d.talks === lastTalks) continue;
    const talks = d.talks !== lastTalks ? ` · talks ${d.talks}` : '';
    lastTalks = d.talks;
    out.push(
      `${d.date}  day ${String(d.day).padStart(3)}  released: government ${groupDigits(d.released.government)}${d.constructed.government ? '*' : ''}, taliban ${groupDigits(d.released.taliban)}${d.constructed.taliban ? '*' : ''}${talks}${d.stalled ? ' · stalled' : ''}`,
    );
    for (const e of d.events) out.push(`    ${e.actor.padEnd(10)} ${e.type.padEnd(13)} ${e.summary} [${e.id}, ${e.confidence}]`);
  }
  const m = r.milestones;
  const last = r.days[r.days.length - 1]!;
  out.push(
    '',
    `first government release day ${m.firstGovernmentRelease ?? '—'}, first Taliban release day ${m.firstTalibanRelease ?? '—'}, first walk-out day ${m.firstWalkout ?? '—'}, talks open day ${m.talksOpen ?? '—'}`,
    `released by ${last.date}: government ${groupDigits(last.released.government)}, taliban ${groupDigits(last.released.taliban)}`,
    `stall episodes (docs/model.md §5): ${r.episodes.map((e) => `day ${e.start}–${e.end ?? last.day}`).join(', ') || 'none'}`,
    '* a constructed figure: implied by a sum, or carried forward where a later source is vaguer; not reported as such',
    'sources: docs/sources.md lists every row T<n> with its URLs',
  );
  return `${out.join('\n')}\n`;
}

const coverageText = (c: Coverage): string => `${c.inside} of ${c.of} dates${c.of > 0 ? ` (${Math.round((100 * c.inside) / c.of)}%)` : ''}`;

/** The fit of model runs to the replayed history, as a small table. */
/** A posterior sample the comparison's seeds drew their parameters from (`--posterior`). */
export interface PosteriorUse {
  file: string;
  digest: string;
  particles: number;
  /** Particles drawn by at least one seed. */
  drawn: number;
}

export function formatComparison(scenario: string, c: Comparison, posterior: PosteriorUse | null = null): string {
  const dist = (d: Distribution, digits = 0): string => (d.median === null ? '—' : `${d.median.toFixed(digits)} [${d.p10!.toFixed(digits)}–${d.p90!.toFixed(digits)}]`);
  const row = (label: string, observed: number | null, model: Distribution, share = true): string =>
    `${label.padEnd(34)}${String(observed ?? '—').padStart(8)}   ${dist(model).padEnd(22)}${share ? `${Math.round(model.share * 100)}% of runs` : ''}`;
  const out = [
    `${scenario} over ${c.runs} seeds against the 2020 timeline (day 0 = 2020-02-29)`,
    ...(posterior
      ? [`parameters drawn from the posterior ${posterior.file}: each seed its own particle by weight (${posterior.drawn} of ${groupDigits(posterior.particles)} drawn), so the bands carry parameter uncertainty`]
      : []),
    '',
    `${'measure'.padEnd(34)}${'2020'.padStart(8)}   model: median [10%–90%]`,
    row('first government release (day)', c.firstGovernmentRelease.observed, c.firstGovernmentRelease.model),
    row('first walk-out (day)', c.firstWalkout.observed, c.firstWalkout.model),
    row('exchange complete (day)', c.complete.observed, c.complete.model),
    row('stall episodes', c.stallEpisodes.observed, c.stallEpisodes.model, false),
    row('longest stall (days)', c.longestStall.observed, c.longestStall.model, false),
    `${'log-RMSE, government releases'.padEnd(34)}${''.padStart(8)}   ${dist(c.logRmse.government, 2)}`,
    `${'log-RMSE, Taliban releases'.padEnd(34)}${''.padStart(8)}   ${dist(c.logRmse.taliban, 2)}`,
    `${'inside the 10%–90% band'.padEnd(34)}${''.padStart(8)}   government ${coverageText(c.coverage.government)}, Taliban ${coverageText(c.coverage.taliban)}`,
    `  (fit measures use ${c.points === 'reported' ? 'reported points only; --constructed adds the constructed ones (*)' : 'every point, constructed ones (*) included'})`,
    '',
    'cumulative releases on the observed dates: 2020 · model median [10%–90%]; * constructed (implied or carried forward)',
  ];
  for (const b of c.band) {
    const mark = b.basis === 'constructed' ? '*' : ' ';
    out.push(`  ${b.side.padEnd(10)} day ${String(b.day).padStart(3)}  ${groupDigits(b.observed).padStart(6)}${mark}· ${b.median === null ? '—' : `${groupDigits(b.median)} [${groupDigits(b.p10!)}–${groupDigits(b.p90!)}]`}`);
  }
  return `${out.join('\n')}\n`;
}
