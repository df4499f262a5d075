// Every command's usage, in the order the global help lists the commands: light to import, so
// `parley sweep --help` answers without loading the sweep machinery.
import type {CommandUsage} from '../args.js';
import {CALIBRATE_USAGE} from './calibrate.js';
import {LIST_USAGE} from './list.js';
import {MERGE_USAGE} from './merge.js';
import {REPLAY_USAGE} from './replay.js';
import {RUN_USAGE} from './run.js';
import {SCHEMA_USAGE} from './schema.js';
import {SENSITIVITY_USAGE} from './sensitivity.js';
import {SUMMARIZE_USAGE} from './summarize.js';
import {SWEEP_USAGE} from './sweep.js';
import {VALIDATE_USAGE} from './validate.js';

export const USAGES: Record<string, CommandUsage> = Object.fromEntries(
  [RUN_USAGE, REPLAY_USAGE, SWEEP_USAGE, MERGE_USAGE, SUMMARIZE_USAGE, SENSITIVITY_USAGE, CALIBRATE_USAGE, LIST_USAGE, VALIDATE_USAGE, SCHEMA_USAGE].map((u) => [u.name, u]),
);
