// The sensitivity spec (scenarios/sensitivity/*.yaml), validated by zod 4 like sweep specs: a
// base scenario with fixed overrides, the parameters to study and their ranges (by default each
// policy parameter's own range from its schema), the outputs to analyse, the method and its
// sizes, the replicates per point and a master seed. docs/sensitivity.md explains the methods.
import {z} from 'zod';
import {MAX_DAYS} from '../scenario/schema.js';
import {NUMERIC_METRICS} from '../sweep/metrics.js';
import {paramSpec} from '../sweep/spec.js';

export const AGENTS = ['government', 'taliban', 'us'] as const;
export const METHODS = ['morris', 'sobol'] as const;
export type Method = (typeof METHODS)[number];

/** What can be analysed: every numeric run metric, and the outcome, as one 0/1 indicator per status. */
export const OUTPUT_NAMES = ['status', ...NUMERIC_METRICS] as const;

/** A parameter's range: the policy schema's own (`range`), or one written out as in a sweep's `vary`. */
const factorRange = z.union([z.literal('range').describe("the range the policy's schema gives this parameter (agents.<agent>.params.<name> only)"), paramSpec]);

const parameters = z.union([
  z.literal('all').describe('every parameter of the three agents\' policies, each over its schema\'s range'),
  z
    .record(z.string(), z.union([z.literal('all'), factorRange]))
    .refine((v) => Object.keys(v).length > 0, 'name at least one parameter')
    .describe('an agent (government, taliban, us) with `all` for every parameter of its policy, or a --set path with its range'),
]);

export const sensitivitySchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().min(1).describe('short name'),
    description: z.string().default('').describe('what the analysis asks'),
    scenario: z.string().min(1).describe('the base scenario: a bundled name or a file (relative to this spec)'),
    set: z.array(z.string()).default([]).describe('fixed --set overrides applied to every run'),
    days: z.int().min(1).max(MAX_DAYS).optional().describe("rounds per run (default: the scenario's)"),
    parameters,
    outputs: z
      .array(z.enum(OUTPUT_NAMES))
      .min(1)
      .refine((o) => new Set(o).size === o.length, 'an output is named twice')
      .describe('run metrics to analyse; status is analysed as one indicator per outcome (status=complete is the share complete)'),
    method: z.enum(METHODS).default('morris').describe('morris (screening) or sobol (variance shares); --method overrides it'),
    morris: z
      .strictObject({
        trajectories: z.int().min(2).max(100_000).default(20).describe('trajectories r: each costs k + 2 points for k parameters'),
        levels: z
          .int()
          .min(2)
          .max(100)
          .refine((p) => p % 2 === 0, 'levels must be even (every level then pairs with another one step away)')
          .default(4)
          .describe('grid levels p of each parameter'),
      })
      .default({trajectories: 20, levels: 4}),
    sobol: z
      .strictObject({
        samples: z.int().min(2).max(1_000_000).default(256).describe('base sample N: the design has N(k + 3) points for k parameters'),
        secondOrder: z.boolean().default(false).describe('also the second-order indices S2 of every pair of parameters: N(2k + 4) points'),
      })
      .default({samples: 256, secondOrder: false}),
    replicates: z.int().min(1).max(10_000).default(1).describe('runs per point, on seeds shared along a trajectory (Morris) or a row (Sobol); their outputs are averaged'),
    seed: z.union([z.string(), z.number()]).transform(String).describe("master seed: the design, every run's seed and the bootstrap derive from it"),
  })
  .superRefine((s, ctx) => {
    if (s.parameters === 'all') return;
    for (const [key, value] of Object.entries(s.parameters)) {
      const agent = (AGENTS as readonly string[]).includes(key);
      if (agent && value !== 'all') ctx.addIssue({code: 'custom', path: ['parameters', key], message: `an agent takes all (every parameter of its policy); to set ranges, name them as agents.${key}.params.<name>`});
      if (!agent && value === 'all') ctx.addIssue({code: 'custom', path: ['parameters', key], message: `all goes with an agent (${AGENTS.join(', ')}); a --set path takes a range, or range for its policy schema's own`});
      if (!agent && !/^[A-Za-z_$][\w$-]*(\.([A-Za-z_$][\w$-]*|\d+))*$/.test(key)) ctx.addIssue({code: 'custom', path: ['parameters', key], message: 'not an agent or a field path (as --set takes it)'});
    }
  });

export type SensitivitySpec = z.output<typeof sensitivitySchema>;

/** The JSON Schema of sensitivity spec files, as they are written (`parley schema sensitivity`; docs/sensitivity.schema.json). */
export function sensitivityJsonSchema(): unknown {
  return z.toJSONSchema(sensitivitySchema, {io: 'input', unrepresentable: 'any'});
}
