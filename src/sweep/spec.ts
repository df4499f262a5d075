// The sweep spec (scenarios/sweeps/*.yaml), validated by zod 4 like scenarios: a base scenario,
// the parameters to vary (any path `--set` accepts, policy names included), the design, the
// replicates per point, a master seed, the metrics to keep, and a posterior sample the runs
// may draw their other parameters from.
import {z} from 'zod';
import {MAX_DAYS} from '../scenario/schema.js';
import {groupDigits} from '../fmt/group-digits.js';
import {valueCount, wholeBounds} from './param-count.js';
import {METRICS} from './metrics.js';

/** A parameter's values: a list, or a range (with a step it is a list too; without, continuous). */
const values = z.strictObject({values: z.array(z.union([z.number(), z.string(), z.boolean()])).min(1).describe('the values to try, in order')});
const range = z
  .strictObject({
    min: z.number(),
    max: z.number(),
    step: z.number().positive().optional().describe('grid spacing from min to max; without it the range is continuous (sampled designs only)'),
    integer: z.boolean().default(false).describe('draw whole numbers between min and max (continuous ranges)'),
  })
  .refine((r) => r.min <= r.max, {message: 'min is above max', path: ['max']});
export const paramSpec = z.union([values, range]);

export const DESIGNS = ['grid', 'random', 'latin-hypercube'] as const;

/** The most points a design may have, and values a stepped range: the design is held whole, 4 or 8 bytes a value per thread. */
export const MAX_POINTS = 10_000_000;

export const sweepSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).describe('short name'),
    description: z.string().default('').describe('what the sweep asks'),
    scenario: z.string().min(1).describe('the base scenario: a bundled name or a file (relative to this spec)'),
    posterior: z
      .string()
      .min(1)
      .optional()
      .describe("a posterior sample (the CSV parley calibrate writes; a file relative to this spec): each run draws its model parameters from it, a particle by weight chosen by the run's seed"),
    set: z.array(z.string()).default([]).describe('fixed --set overrides applied to every run'),
    days: z.int().min(1).max(MAX_DAYS).optional().describe('rounds per run (default: the scenario\'s)'),
    vary: z.record(z.string(), paramSpec).refine((v) => Object.keys(v).length > 0, 'vary at least one parameter').describe('--set paths to vary, in column order'),
    design: z.enum(DESIGNS).default('grid'),
    points: z.int().min(1).max(MAX_POINTS).optional().describe('points to sample (random and latin-hypercube designs)'),
    replicates: z.int().min(1).max(1_000_000).default(1).describe('seeded runs per point'),
    seed: z.union([z.string(), z.number()]).transform(String).describe('master seed: every run seed derives from it and the run\'s coordinates'),
    metrics: z.array(z.enum(METRICS)).min(1).optional().describe('metric columns to keep (default: all that every run can fill: peakStallRisk and meanStallRisk need stall.rollouts above 0 at every point)'),
  })
  .superRefine((s, ctx) => {
    for (const [path, p] of Object.entries(s.vary)) {
      const n = valueCount(p) ?? 0;
      if ('min' in p && n > MAX_POINTS) ctx.addIssue({code: 'custom', path: ['vary', path, 'step'], message: `${groupDigits(n)} values from min to max at this step; at most ${groupDigits(MAX_POINTS)}`});
      if ('min' in p && p.step === undefined && p.integer) {
        const [lo, hi] = wholeBounds(p);
        if (lo > hi) ctx.addIssue({code: 'custom', path: ['vary', path, 'integer'], message: `no whole number from ${p.min} to ${p.max}`});
      }
    }
    if (s.design === 'grid') {
      const size = Object.values(s.vary).reduce((n, p) => n * (valueCount(p) ?? 1), 1);
      if (size > MAX_POINTS) ctx.addIssue({code: 'custom', path: ['vary'], message: `the grid of these values has ${groupDigits(size)} points; at most ${groupDigits(MAX_POINTS)}: fewer values, or a sampled design with points`});
      if (s.points !== undefined) ctx.addIssue({code: 'custom', path: ['points'], message: 'a grid has one point per combination: drop points, or use a sampled design'});
      for (const [path, p] of Object.entries(s.vary)) {
        if ('min' in p && p.step === undefined) ctx.addIssue({code: 'custom', path: ['vary', path, 'step'], message: 'a grid needs values or a step for every range'});
      }
    } else if (s.points === undefined) {
      ctx.addIssue({code: 'custom', path: ['points'], message: `a ${s.design} design needs the number of points`});
    }
    for (const path of Object.keys(s.vary)) {
      if (!/^[A-Za-z_$][\w$-]*(\.([A-Za-z_$][\w$-]*|\d+))*$/.test(path)) ctx.addIssue({code: 'custom', path: ['vary', path], message: 'not a field path (as --set takes it)'});
    }
  });

export type SweepSpec = z.output<typeof sweepSchema>;
export type ParamSpec = z.output<typeof paramSpec>;
export type ParamValue = number | string | boolean;

/** The JSON Schema of sweep spec files, as they are written (`parley schema sweep`; docs/sweep.schema.json). */
export function sweepJsonSchema(): unknown {
  return z.toJSONSchema(sweepSchema, {io: 'input', unrepresentable: 'any'});
}
