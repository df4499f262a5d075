// Comments cite documents that ship with parley: a docs/ page that exists, and for a numbered
// section (§) one that the page has. Citations of documents outside the repository (the
// research notes the model was first written from) cannot be followed by a reader.
import {existsSync, readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {readSources, ROOT} from '../helpers/sources.js';

const FILES = ['src', 'test'].flatMap((dir) => [...readSources(dir, /\.(ts|tsx|mts|mjs)$/)].map(([path, text]) => ({path: `${dir}/${path}`, text}))).filter((f) => f.path !== 'test/code/citations.test.ts');
// Spelled in pieces so that this file does not match itself.
const OUTSIDE = new RegExp(['models', 'inference', 'timeline-2020'].map((n) => `\\b${n}\\.md`).join('|') + '|\\bconventions\\s+[A-Z]\\d|\\btimeline\\s+\\u00a7');

describe('citations in comments', () => {
  it('name no document outside the repository', () => {
    const hits = FILES.flatMap((f) => f.text.split('\n').flatMap((line, i) => (OUTSIDE.test(line) ? [`${f.path}:${i + 1}: ${line.trim()}`] : [])));
    expect(hits).toEqual([]);
  });

  it('name docs/ pages that exist, and sections (§) those pages have', () => {
    const bad: string[] = [];
    for (const f of FILES) {
      f.text.split('\n').forEach((line, i) => {
        const where = `${f.path}:${i + 1}`;
        for (const m of line.matchAll(/docs\/([\w-]+\.md)(?: \u00a7(\d+))?/g)) {
          const page = join(ROOT, 'docs', m[1]!);
          if (!existsSync(page)) bad.push(`${where}: no docs/${m[1]}`);
          else if (m[2] && !new RegExp(`^## ${m[2]}\\. `, 'm').test(readFileSync(page, 'utf8'))) bad.push(`${where}: docs/${m[1]} has no §${m[2]}`);
        }
        // A section sign is always a docs/ page's section.
        for (const m of line.matchAll(/\u00a7/g)) if (!/docs\/[\w-]+\.md $/.test(line.slice(0, m.index))) bad.push(`${where}: § without a docs/ page: ${line.trim()}`);
      });
    }
    expect(bad).toEqual([]);
  });
});
