// `parley replay` as plain text: the 2020 timeline day by day, each event with its source row
// and confidence, the releases so far, and the stall episodes under the model's definition.
import type {Replay} from '../history/replay.js';
import {groupDigits} from './text.js';

export function formatReplay(r: Replay): string {
  const h = r.history;
  const out: string[] = [`${h.name} · ${h.start} to ${h.end} · ${h.events.length} events · replayed from the sources`, ''];
  let lastTalks = '';
  for (const d of r.days) {
    if (d.events.length === 0 && d.talks === lastTalks) continue;
    const talks = d.talks !== lastTalks ? ` · talks ${d.talks}` : '';
    lastTalks = d.talks;
    out.push(
      `${d.date}  day ${String(d.day).padStart(3)}  released: government ${groupDigits(d.released.government)}, taliban ${groupDigits(d.released.taliban)}${talks}${d.stalled ? ' · stalled' : ''}`,
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
    'sources: docs/sources.md lists every row T<n> with its URLs',
  );
  return `${out.join('\n')}\n`;
}
