// Creating and copying world states. Copies reuse the destination's buffers, so stall-risk
// rollouts can restart from a saved state a thousand times without allocating.
import type {SimConfig} from './config.js';
import {copyPoolStatus, createPoolStatus, poolStatusSize} from './pools.js';
import {govPool, talPool} from './population.js';
import {createRng, type Rng} from './rng.js';
import {byAssignment} from './shape.js';
import {Slab, slabSize} from './slab.js';
import {initialTrust, TRUST_VALUES} from './trust.js';
import type {Counters, GovernmentState, Memory, TalibanState, UsState, WorldState} from './types.js';

export function createCounters(): Counters {
  return {
    govReleased: 0,
    govReleasedOnList: 0,
    govReleasedOffList: 0,
    govReleasedPriority: 0,
    govReleasedCommanders: 0,
    govReleasedSerious: 0,
    govReleasedVulnerable: 0,
    govCustody: 0,
    govGoodwill: 0,
    talReleased: 0,
    talReleasedSpecial: 0,
    govBatches: 0,
    talBatches: 0,
    walkouts: 0,
    stallEpisodes: 0,
    stalledDays: 0,
    govLastReleaseDay: -1,
    govToday: 0,
    talToday: 0,
    govRecent: 0,
    talRecent: 0,
    govWorthToday: 0,
    govWorthRecent: 0,
    govRejectedRecent: 0,
  };
}

export interface CreateOptions {
  /** Keep the event log, batches and walk-outs (false for rollouts). */
  record: boolean;
  /** Use this generator instead of one seeded from the config. */
  rng?: Rng;
}

/**
 * Whether two configs make the same state before round 1 (the generator aside): createState reads
 * only the world, the talks' start, the pools, the policies' declared memory and how many events
 * there are (a slot each for its trigger), and equal objects of these are the same objects when
 * one config was made from the other (a sweep's points, scenario/variants.ts). A test holds
 * createState to these fields.
 */
export function sameStart(a: SimConfig, b: SimConfig): boolean {
  return (
    a.world === b.world &&
    a.events.length === b.events.length &&
    a.talksStart === b.talksStart &&
    a.govPool === b.govPool &&
    a.talPool === b.talPool &&
    a.agents.government.memory === b.agents.government.memory &&
    a.agents.taliban.memory === b.agents.taliban.memory &&
    a.agents.us.memory === b.agents.us.memory
  );
}

export function createState(cfg: SimConfig, options: CreateOptions = {record: true}): WorldState {
  const gp = govPool(cfg.govPool);
  const tp = talPool(cfg.talPool);
  const n = cfg.events.length;
  // Every typed array of the state from one buffer (slab.ts): one allocation, not eleven.
  const slab = new Slab(slabSize({f64: TRUST_VALUES, i32: n, u8: n}, poolStatusSize(gp), poolStatusSize(tp)));
  const gov: GovernmentState = {
    pressure: 0,
    aid: 1,
    cohesion: cfg.world.cohesion,
    humanitarian: 0,
    humanitarianLevel: 0,
    ratification: 'none',
    ratificationDay: -1,
    reciprocityDemand: 0,
    reciprocityBase: 0,
    specialForcesDemand: 0,
    offerCount: 0,
    offerCeiling: 0,
    offerAccepted: false,
    violenceCeiling: 0,
    custodySlots: 0,
    contested: 0,
    lastAction: 'hold',
    lastReason: 'has not acted yet',
    memory: byAssignment(cfg.agents.government.memory),
  };
  const tal: TalibanState = {
    pressure: 0,
    violenceTarget: cfg.world.violence,
    priorityDemand: 0,
    lastPriorityProgressDay: 0,
    ceasefireUntil: -1,
    pendingBatch: 0,
    pendingBatchUnilateral: false,
    lastAction: 'hold',
    lastReason: 'has not acted yet',
    memory: byAssignment(cfg.agents.taliban.memory),
  };
  const us: UsState = {
    troops: cfg.world.troops.start,
    leverageGov: 1,
    leverageTal: 1,
    deadline: -1,
    aidCutDay: -1,
    lastAction: 'hold',
    lastReason: 'has not acted yet',
    memory: byAssignment(cfg.agents.us.memory),
  };
  return {
    day: 0,
    rng: options.rng ?? createRng(cfg.seed),
    talks: cfg.talksStart,
    walkoutBy: null,
    walkoutSince: -1,
    walkoutReason: '',
    walkoutGovReleased: 0,
    violence: cfg.world.violence,
    violenceVsUs: 0,
    ceasefireUntil: -1,
    holidayUntil: -1,
    lastProgressDay: 0,
    convenedDay: cfg.talksStart === 'active' ? 0 : -1,
    progressToday: false,
    eventCursor: 0,
    eventTriggered: slab.i32(n).fill(-1),
    eventFired: slab.u8(n),
    redLineStreak: 0,
    gov,
    tal,
    us,
    trust: initialTrust(cfg.world, slab),
    govPool: createPoolStatus(gp, slab),
    talPool: createPoolStatus(tp, slab),
    counters: createCounters(),
    stalled: false,
    stallCause: null,
    stallSince: -1,
    outcome: 'ongoing',
    outcomeDay: -1,
    log: options.record ? [] : null,
    batches: options.record ? [] : null,
    walkouts: options.record ? [] : null,
    episodes: options.record ? [] : null,
  };
}

/**
 * Copies every simulated quantity of `src` into `dst` (same config). The generator and the
 * record-keeping arrays are not copied: `dst` keeps its own.
 */
export function copyState(dst: WorldState, src: WorldState): void {
  dst.day = src.day;
  dst.talks = src.talks;
  dst.walkoutBy = src.walkoutBy;
  dst.walkoutSince = src.walkoutSince;
  dst.walkoutReason = src.walkoutReason;
  dst.walkoutGovReleased = src.walkoutGovReleased;
  dst.violence = src.violence;
  dst.violenceVsUs = src.violenceVsUs;
  dst.ceasefireUntil = src.ceasefireUntil;
  dst.holidayUntil = src.holidayUntil;
  dst.lastProgressDay = src.lastProgressDay;
  dst.convenedDay = src.convenedDay;
  dst.progressToday = src.progressToday;
  dst.eventCursor = src.eventCursor;
  dst.eventTriggered.set(src.eventTriggered);
  dst.eventFired.set(src.eventFired);
  dst.redLineStreak = src.redLineStreak;
  copyGovernment(dst.gov, src.gov);
  copyTaliban(dst.tal, src.tal);
  copyUs(dst.us, src.us);
  dst.trust.set(src.trust);
  copyPoolStatus(dst.govPool, src.govPool);
  copyPoolStatus(dst.talPool, src.talPool);
  copyCounters(dst.counters, src.counters);
  dst.stalled = src.stalled;
  dst.stallCause = src.stallCause;
  dst.stallSince = src.stallSince;
  dst.outcome = src.outcome;
  dst.outcomeDay = src.outcomeDay;
}

// Field-by-field copies: several times faster than Object.assign in rollouts. A test checks
// that a copied state equals its source in every field, so a new field cannot be forgotten.
function copyGovernment(d: GovernmentState, s: GovernmentState): void {
  d.pressure = s.pressure;
  d.aid = s.aid;
  d.cohesion = s.cohesion;
  d.humanitarian = s.humanitarian;
  d.humanitarianLevel = s.humanitarianLevel;
  d.ratification = s.ratification;
  d.ratificationDay = s.ratificationDay;
  d.reciprocityDemand = s.reciprocityDemand;
  d.reciprocityBase = s.reciprocityBase;
  d.specialForcesDemand = s.specialForcesDemand;
  d.offerCount = s.offerCount;
  d.offerCeiling = s.offerCeiling;
  d.offerAccepted = s.offerAccepted;
  d.violenceCeiling = s.violenceCeiling;
  d.custodySlots = s.custodySlots;
  d.contested = s.contested;
  d.lastAction = s.lastAction;
  d.lastReason = s.lastReason;
  copyMemory(d.memory, s.memory);
}

function copyTaliban(d: TalibanState, s: TalibanState): void {
  d.pressure = s.pressure;
  d.violenceTarget = s.violenceTarget;
  d.priorityDemand = s.priorityDemand;
  d.lastPriorityProgressDay = s.lastPriorityProgressDay;
  d.ceasefireUntil = s.ceasefireUntil;
  d.pendingBatch = s.pendingBatch;
  d.pendingBatchUnilateral = s.pendingBatchUnilateral;
  d.lastAction = s.lastAction;
  d.lastReason = s.lastReason;
  copyMemory(d.memory, s.memory);
}

function copyUs(d: UsState, s: UsState): void {
  d.troops = s.troops;
  d.leverageGov = s.leverageGov;
  d.leverageTal = s.leverageTal;
  d.deadline = s.deadline;
  d.aidCutDay = s.aidCutDay;
  d.lastAction = s.lastAction;
  d.lastReason = s.lastReason;
  copyMemory(d.memory, s.memory);
}

/** A policy's memory is flat (numbers, flags, words): copied key by key, without allocating. */
function copyMemory(d: Memory, s: Readonly<Memory>): void {
  for (const k in s) d[k] = s[k]!;
}

function copyCounters(d: Counters, s: Counters): void {
  d.govReleased = s.govReleased;
  d.govReleasedOnList = s.govReleasedOnList;
  d.govReleasedOffList = s.govReleasedOffList;
  d.govReleasedPriority = s.govReleasedPriority;
  d.govReleasedCommanders = s.govReleasedCommanders;
  d.govReleasedSerious = s.govReleasedSerious;
  d.govReleasedVulnerable = s.govReleasedVulnerable;
  d.govCustody = s.govCustody;
  d.govGoodwill = s.govGoodwill;
  d.talReleased = s.talReleased;
  d.talReleasedSpecial = s.talReleasedSpecial;
  d.govBatches = s.govBatches;
  d.talBatches = s.talBatches;
  d.walkouts = s.walkouts;
  d.stallEpisodes = s.stallEpisodes;
  d.stalledDays = s.stalledDays;
  d.govLastReleaseDay = s.govLastReleaseDay;
  d.govToday = s.govToday;
  d.talToday = s.talToday;
  d.govRecent = s.govRecent;
  d.talRecent = s.talRecent;
  d.govWorthToday = s.govWorthToday;
  d.govWorthRecent = s.govWorthRecent;
  d.govRejectedRecent = s.govRejectedRecent;
}

/** A value copy of `src` that records nothing and continues `src`'s random stream exactly. */
export function cloneState(cfg: SimConfig, src: WorldState): WorldState {
  const copy = createState(cfg, {record: false, rng: createRng('', src.rng.state())});
  copyState(copy, src);
  return copy;
}
