// The calibration spec (scenarios/calibration/*.yaml), validated by zod 4 like sweep and
// sensitivity specs: a scenario and a history, the information date that splits the record into
// what the fit may see and what it is scored on, the parameters with their priors, the settings
// of ABC-SMC and of the posterior predictive check, and a master seed. docs/calibration.md
// explains the method.
import {z} from 'zod';
import {MAX_DAYS} from '../scenario/schema.js';
import {SIDES} from '../history/schema.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD');
const finite = z.number().refine(Number.isFinite, 'expected a finite number');

/** A parameter's prior: uniform on its policy schema's range (`range`), uniform on [lo, hi], or normal (truncated to the schema's range). */
const prior = z.union([
  z.literal('range').describe("uniform on the range the policy's schema gives this parameter"),
  z.strictObject({uniform: z.tuple([finite, finite]).describe('[lo, hi]')}),
  z.strictObject({normal: z.tuple([finite, finite.refine((sd) => sd > 0, 'the sd must be > 0')]).describe('[mean, sd], truncated to the schema range')}),
]);
export type PriorSpec = z.output<typeof prior>;

export const calibrationSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).describe('short name'),
    description: z.string().default('').describe('what is fitted, to what'),
    scenario: z.string().min(1).describe('the scenario: a bundled name or a file (relative to this spec)'),
    history: z.string().min(1).optional().describe("the observed history (scenarios/history/ or a file): default the scenario's `history`"),
    information: isoDate.optional().describe("the information date: the fit sees observations on or before it, the check scores those after it (default: the scenario's `information`)"),
    set: z.array(z.string()).default([]).describe('fixed --set overrides applied to every run'),
    days: z.int().min(1).max(MAX_DAYS).optional().describe("rounds per run (default: the scenario's)"),
    parameters: z
      .record(z.string().regex(/^agents\.(government|taliban|us)\.params\.[\w$]+$/, 'expected agents.<agent>.params.<name>'), prior)
      .refine((p) => Object.keys(p).length > 0, 'name at least one parameter')
      .describe('the fitted parameters (agents.<agent>.params.<name>) and their priors'),
    observed: z
      .strictObject({
        sides: z.array(z.enum(SIDES)).min(1).default([...SIDES]).describe('the release series matched'),
        basis: z.enum(['reported', 'all']).default('reported').describe('reported points only (default), or constructed ones too'),
      })
      .default({sides: [...SIDES], basis: 'reported'}),
    distance: z
      .enum(['log-rmse', 'share-rmse'])
      .default('log-rmse')
      .describe('per side the RMSE at the fitted dates of log(1 + releases) (log-rmse) or of releases as a share of the agreed total (share-rmse), then the mean over sides'),
    abc: z
      .strictObject({
        particles: z.int().min(10).max(100_000).default(500).describe('population kept per generation'),
        proposals: z.int().min(10).max(1_000_000).default(1000).describe('runs per generation (the closest `particles` are kept)'),
        replicates: z.int().min(1).max(100).default(1).describe("runs a particle; its distance is that of their median path (1: the run's own)"),
        generations: z.int().min(1).max(100).default(6).describe('the most generations'),
        minAcceptance: z.number().min(0).max(1).default(0.05).describe('stop once fewer proposals than this share fall within the last tolerance'),
        minImprovement: z.number().min(0).max(1).default(0.01).describe('stop once the tolerance falls by less than this share in a generation (the seed noise reached)'),
      })
      .default({particles: 500, proposals: 1000, replicates: 1, generations: 6, minAcceptance: 0.05, minImprovement: 0.01})
      .refine((a) => a.proposals >= a.particles, {message: 'proposals must be at least particles', path: ['proposals']}),
    predictive: z
      .strictObject({draws: z.int().min(10).max(100_000).default(1000).describe('posterior predictive runs (one posterior draw each)')})
      .default({draws: 1000}),
    seed: z.union([z.string(), z.number()]).transform(String).describe('master seed: proposals, run seeds and predictive draws derive from it'),
  });

export type CalibrationSpec = z.output<typeof calibrationSchema>;

/** The JSON Schema of calibration spec files, as they are written (docs/calibration.schema.json). */
export function calibrationJsonSchema(): unknown {
  return z.toJSONSchema(calibrationSchema, {io: 'input', unrepresentable: 'any'});
}
