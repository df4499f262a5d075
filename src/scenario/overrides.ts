// `--set path=value` overrides: applied to the raw scenario data before validation, so they
// are validated exactly like the file.
import {parseDocument} from 'yaml';
import {InputError} from './errors.js';

export interface Override {
  path: string[];
  value: unknown;
  text: string;
  /** The option that made it when not `--set` (`--days 12`), for messages. */
  flag?: string;
}

const SEGMENT = /^[A-Za-z_$][\w$-]*$|^\d+$/;
/** Never a scenario field, and writing through them would change every object in the process. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const APPEND = '+';

export function parseOverride(text: string): Override {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new InputError(`--set ${text}: expected path=value, e.g. agents.government.params.batchSize=200`);
  const path = text.slice(0, eq).split('.');
  // A last segment `+` appends to a list: --set 'events.+={type: release, ...}'.
  const ok = (seg: string, i: number): boolean => (seg === APPEND ? i === path.length - 1 && i > 0 : SEGMENT.test(seg) && !FORBIDDEN.has(seg));
  if (!path.every(ok)) throw new InputError(`--set ${text}: "${text.slice(0, eq)}" is not a field path`);
  const raw = text.slice(eq + 1);
  return {path, value: parseValue(raw, text), text};
}

/** A plain decimal number, as YAML 1.2's core schema reads it (a sweep sets thousands of them). */
export const DECIMAL = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;

/** A YAML scalar or flow collection: 200, true, ratio-releaser, [1, 2], {a: 1}; text that is not YAML stays text. */
function parseValue(raw: string, text: string): unknown {
  if (raw === '') return '';
  if (DECIMAL.test(raw)) return Number(raw); // what YAML gives, without its parser
  // logLevel 'error': a warning stays on the document (refused here), never printed by Node.
  const doc = parseDocument(raw, {logLevel: 'error'});
  if (doc.errors.length) return raw;
  const warning = doc.warnings[0];
  if (warning) throw new InputError(`--set ${text}: unknown tag ${/!\S*/.exec(raw.slice(warning.pos[0]))?.[0] ?? ''}: --set takes plain YAML values, without tags`);
  return doc.toJS() as unknown;
}

type Data = Record<string, unknown>;

/**
 * Applies overrides to a copy of `data`. Changing an agent's policy drops the params the file
 * gave for the old policy (they belong to it); the names of what was dropped are returned.
 */
export function applyOverrides(data: unknown, overrides: readonly Override[]): {data: unknown; notes: string[]; targets: Map<Override, string[]>} {
  // Copied only along the paths written (setPath copies each container it passes through, once:
  // a sensitivity design sets forty parameters of three policies at every point, and copying the
  // agents section again for each took most of the time it spent here): the rest is shared with
  // `data`, which is never written. A sweep applies overrides per point.
  const root = {...(data as Data)};
  const copies = new WeakSet<object>([root]);
  const notes: string[] = [];
  /** Where each override landed: its path, with an appended item's index in place of `+`. */
  const targets = new Map<Override, string[]>();
  // Policy switches first: they drop the file's params for the old policy, never a --set param.
  const isPolicy = (o: Override): boolean => o.path.length === 3 && o.path[0] === 'agents' && o.path[2] === 'policy';
  const ordered = [...overrides.filter(isPolicy), ...overrides.filter((o) => !isPolicy(o))];
  for (const o of ordered) {
    const [a, agent, field] = o.path;
    if (o.path.length === 3 && a === 'agents' && field === 'policy') {
      const agents = root.agents as Data | undefined;
      const entry = agents?.[agent!] as Data | undefined;
      if (entry && entry.policy !== o.value && entry.params !== undefined) {
        notes.push(`agents.${agent}.policy changed from ${String(entry.policy)} to ${String(o.value)}: the file's params for ${String(entry.policy)} are not used`);
        const {params: _dropped, ...rest} = entry;
        root.agents = {...agents, [agent!]: rest};
        copies.add(root.agents as Data).add(rest);
      }
    }
    targets.set(o, setPath(root, o, copies));
  }
  return {data: root, notes, targets};
}

/** Writes the override's value into `root`, copying each container on the way that `copies` does not hold yet. */
function setPath(root: Data, o: Override, copies: WeakSet<object>): string[] {
  let node: unknown = root;
  for (let i = 0; i < o.path.length - 1; i++) {
    const seg = o.path[i]!;
    const container = node as Record<string, unknown>;
    checkSegment(o, i, container);
    if (container[seg] === undefined || container[seg] === null) container[seg] = /^\d+$/.test(o.path[i + 1]!) || o.path[i + 1] === APPEND ? [] : {};
    node = container[seg];
    if (typeof node !== 'object' || node === null) {
      throw new InputError(`--set ${o.text}: ${o.path.slice(0, i + 1).join('.')} is a value, not a section`);
    }
    if (!copies.has(node)) {
      node = container[seg] = Array.isArray(node) ? [...(node as unknown[])] : {...(node as Data)};
      copies.add(node as object);
    }
  }
  const last = o.path[o.path.length - 1]!;
  if (last !== APPEND) {
    checkSegment(o, o.path.length - 1, node as Data);
    (node as Record<string, unknown>)[last] = o.value;
    return o.path;
  }
  if (!Array.isArray(node)) throw new InputError(`--set ${o.text}: ${o.path.slice(0, -1).join('.')} is not a list, so + cannot append to it`);
  node.push(o.value);
  return [...o.path.slice(0, -1), String(node.length - 1)];
}

/**
 * In a list, a segment must name an item that is there: writing past the end would leave holes
 * (`events.1000000` once made a million of them, each an error), and a name would be a property
 * the list's validation never sees. New items go in with `+`.
 */
function checkSegment(o: Override, i: number, container: Data | unknown[]): void {
  if (!Array.isArray(container)) return;
  const seg = o.path[i]!;
  const list = o.path.slice(0, i).join('.');
  const n = container.length;
  const items = n === 0 ? 'no items' : n === 1 ? '1 item' : `${n} items`;
  if (!/^(0|[1-9]\d*)$/.test(seg)) throw new InputError(`--set ${o.text}: ${list} is a list: name an item by its index${n ? ` (0 to ${n - 1})` : ''}, or use ${list}.+ to append`);
  if (Number(seg) >= n) throw new InputError(`--set ${o.text}: ${list} has ${items}: use ${list}.+ to append`);
}
