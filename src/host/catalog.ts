// What `parley list` shows: the bundled scenarios and sweep specs and every policy with its
// parameters, the sensitivity and calibration specs, as plain data (this is the --json document; src/text/catalog.ts formats it as text).
import {existsSync} from 'node:fs';
import {join} from 'node:path';
import {paramInfo, type ParamInfo} from '../agents/param-info.js';
import {POLICIES} from '../agents/registry.js';

export type {ParamInfo};
import {InputError} from '../scenario/errors.js';
import {bundledScenarioNames, readDataFile, SCENARIO_DIR} from '../scenario/load.js';
import {bundledSweepNames, SWEEP_DIR} from '../sweep/plan.js';
import {bundledSensitivityNames, SENSITIVITY_DIR} from '../sensitivity/plan.js';
import {bundledCalibrationNames, CALIBRATION_DIR} from '../calibration/plan.js';

export interface Catalog {
  scenarios: {name: string; description: string; file: string}[];
  sweeps: {name: string; description: string; file: string}[];
  sensitivity: {name: string; description: string; file: string}[];
  calibration: {name: string; description: string; file: string}[];
  policies: {agent: string; name: string; summary: string; theory: string; params: ParamInfo[]}[];
}

export function catalog(): Catalog {
  return {
    scenarios: bundledScenarioNames().map((name) => bundledEntry(SCENARIO_DIR, name)),
    sweeps: bundledSweepNames().map((name) => bundledEntry(SWEEP_DIR, name)),
    sensitivity: bundledSensitivityNames().map((name) => bundledEntry(SENSITIVITY_DIR, name)),
    calibration: bundledCalibrationNames().map((name) => bundledEntry(CALIBRATION_DIR, name)),
    policies: POLICIES.map(policyEntry),
  };
}

/** Reads only the description, so one broken bundled file does not break the listing. */
function bundledEntry(dir: string, name: string): Catalog['scenarios'][number] {
  const file = ['.yaml', '.yml', '.json'].map((ext) => join(dir, name + ext)).find((f) => existsSync(f)) ?? join(dir, name);
  try {
    const data = readDataFile(file) as {description?: unknown} | null;
    const description = typeof data?.description === 'string' ? data.description.trim() : '';
    return {name, description, file};
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    return {name, description: `(unreadable: ${e.message})`, file};
  }
}

function policyEntry(def: (typeof POLICIES)[number]): Catalog['policies'][number] {
  return {agent: def.agent, name: def.name, summary: def.summary, theory: def.theory, params: paramInfo(def)};
}
