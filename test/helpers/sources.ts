// The source files the code checks of test/code/ read: every file under a folder of the
// repository whose name matches, keyed by its path inside that folder with / separators.
import {readdirSync, readFileSync} from 'node:fs';
import {join} from 'node:path';

export const ROOT = join(import.meta.dirname, '../..');

/** Path inside `folder` (e.g. "host/snapshot.ts" for src/) → the file's text. */
export function readSources(folder: string, name: RegExp = /\.tsx?$/): Map<string, string> {
  const dir = join(ROOT, folder);
  return new Map(
    readdirSync(dir, {recursive: true, encoding: 'utf8'})
      .filter((f) => name.test(f))
      .map((f) => [f.split('\\').join('/'), readFileSync(join(dir, f), 'utf8')] as const),
  );
}
