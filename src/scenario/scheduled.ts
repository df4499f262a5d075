// A scenario file's events as the engine schedules them: the round each fires in (from its
// date or day; the latest, for one with a trigger), its source ('' if none), its trigger (null
// if none), and a release's order of release, which the side's default fills in (the schema has
// already refused an order of the other side's).
import {GOV_CRITERIA, TAL_CRITERIA, TRIGGERS} from '../sim/types.js';
import type {ScheduledEvent} from '../sim/config.js';
import {byAssignment} from '../sim/shape.js';
import type {ScenarioEvent} from './schema.js';

export function scheduledEvent(e: ScenarioEvent, day: number): ScheduledEvent {
  const {date: _date, day: _day, source: given, trigger: when, ...rest} = e;
  const source = given ?? '';
  // The condition as the engine's own constant, not the file's copy of it: the engine compares it
  // every round, and a string parsed from the file compares slower (measured: 10% of a round).
  const trigger = when ? {when: TRIGGERS.find((c) => c === when.when)!, lag: when.lag} : null;
  // Built by assignment, as every object a sweep makes anew at each point (sim/shape.ts).
  if (rest.type !== 'release') return byAssignment({...rest, day, source, trigger});
  if (rest.side === 'government') {
    const criteria = rest.criteria === undefined ? 'priority-first' : GOV_CRITERIA.find((c) => c === rest.criteria);
    if (criteria !== undefined) return byAssignment({...rest, side: rest.side, criteria, day, source, trigger});
  } else {
    const criteria = rest.criteria === undefined ? 'regular-first' : TAL_CRITERIA.find((c) => c === rest.criteria);
    if (criteria !== undefined) return byAssignment({...rest, side: rest.side, criteria, day, source, trigger});
  }
  throw new Error(`a ${rest.side} release ordered by ${rest.criteria} passed the scenario schema`);
}
