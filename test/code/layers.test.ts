// The layers of src/ (layers.js, docs/architecture.md): every import between folders runs
// downwards, and no files import each other in a circle. eslint holds the first rule file by
// file; this test holds both over the whole graph, dynamic imports and worker URLs included,
// and checks that it would catch a wrong-way import.
import {dirname, join, normalize} from 'node:path';
import {describe, expect, it} from 'vitest';
import {LAYERS} from '../../layers.js';
import {readSources} from '../helpers/sources.js';

interface Edge {
  from: string;
  to: string;
}

/** Every relative import of every file under src/: static, type-only, dynamic and worker URLs. */
function importGraph(files: ReadonlyMap<string, string>): Edge[] {
  const edges: Edge[] = [];
  const spec = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|new URL\(\s*)['"](\.\.?\/[^'"]+)['"]/g;
  for (const [file, text] of files) {
    for (const m of text.matchAll(spec)) {
      const target = normalize(join(dirname(file), m[1]!)).replace(/\.js$/, '');
      const to = [`${target}.ts`, `${target}.tsx`].find((t) => files.has(t));
      if (to !== undefined) edges.push({from: file, to});
    }
  }
  return edges;
}

const folderOf = (file: string): string => file.split('/')[0]!;

/** Imports from one folder to another that layers.js does not allow. */
function wrongWay(edges: readonly Edge[], layers: Readonly<Record<string, readonly string[]>>): string[] {
  return edges
    .filter(({from, to}) => folderOf(from) !== folderOf(to) && !(layers[folderOf(from)] ?? []).includes(folderOf(to)))
    .map(({from, to}) => `src/${from} → src/${to}`);
}

/** Circles of imports (strongly connected sets of more than one file), by Tarjan's algorithm. */
function circles(edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const {from, to} of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const set: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        set.push(w);
      } while (w !== v);
      if (set.length > 1) found.push(set.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return found;
}

const FILES = readSources('src');
const EDGES = importGraph(FILES);

describe('layers', () => {
  it('name every folder of src/', () => {
    const folders = new Set([...FILES.keys()].filter((f) => f.includes('/')).map(folderOf));
    expect([...folders].filter((f) => !(f in LAYERS))).toEqual([]);
  });

  it('import only downwards', () => {
    expect(EDGES.length).toBeGreaterThan(300);
    expect(wrongWay(EDGES, LAYERS)).toEqual([]);
  });

  it('would catch a wrong-way import (sweep reaching up into the dashboard)', () => {
    const files = new Map([...FILES, ['sweep/zz.ts', "import {plural} from '../ui/dashboard/format.js';"]]);
    expect(wrongWay(importGraph(files), LAYERS)).toEqual(['src/sweep/zz.ts → src/ui/dashboard/format.ts']);
  });

  it('hold no circle of files', () => {
    expect(circles(EDGES)).toEqual([]);
    expect(circles([{from: 'a.ts', to: 'b.ts'}, {from: 'b.ts', to: 'a.ts'}, {from: 'b.ts', to: 'c.ts'}])).toEqual([['a.ts', 'b.ts']]);
  });

  it('hold no circle in the engine: its config, the policy contract and the actions import one way', () => {
    const inSim = EDGES.filter(({from, to}) => folderOf(from) === 'sim' && folderOf(to) === 'sim');
    expect(inSim.length).toBeGreaterThan(50);
    expect(circles(inSim)).toEqual([]);
  });
});
