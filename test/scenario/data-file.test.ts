// Data files (scenarios, sweep specs, histories) read the same way in YAML and JSON.
import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, describe, expect, it, vi} from 'vitest';
import {InputError} from '../../src/scenario/errors.js';
import {readDataFile, resolveDataPath, resolveScenarioPath} from '../../src/scenario/load.js';

const dir = mkdtempSync(join(tmpdir(), 'parley-data-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function write(name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

/** The message readDataFile refuses `file` with. */
function refusal(file: string): string {
  try {
    readDataFile(file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).file).toBe(file);
    return (e as Error).message;
  }
  throw new Error(`expected ${file} to be refused`);
}

const BOM = '\uFEFF';

describe('readDataFile', () => {
  it('refuses duplicate keys in JSON as in YAML, naming the key and its line', () => {
    const json = write('dup.json', '{\n  "name": "a",\n  "days": 3,\n  "name": "b"\n}\n');
    expect(refusal(json)).toBe(`${json}: not valid JSON: duplicate key "name" at line 4, column 3`);
    const nested = write('nested.json', '{"agents": {"us": {"policy": "a", "policy": "b"}}}');
    expect(refusal(nested)).toMatch(/duplicate key "policy" at line 1/);
    const yaml = write('dup.yaml', 'name: a\ndays: 3\nname: b\n');
    expect(refusal(yaml)).toBe(`${yaml}: not valid YAML: duplicate key "name" at line 3, column 1`);
  });

  it('still words invalid JSON as JSON.parse does', () => {
    const file = write('trailing.json', '{"a": 1,}');
    let expected = '';
    try {
      JSON.parse('{"a": 1,}');
    } catch (e) {
      expected = (e as Error).message;
    }
    expect(refusal(file)).toBe(`${file}: not valid JSON: ${expected}`);
    // YAML would take these; JSON does not.
    expect(refusal(write('comment.json', '{"a": 1} # note'))).toMatch(/not valid JSON/);
    expect(refusal(write('single.json', "{'a': 1}"))).toMatch(/not valid JSON/);
  });

  it('accepts a UTF-8 byte-order mark in JSON as in YAML', () => {
    expect(readDataFile(write('bom.json', `${BOM}{"name": "é"}`))).toEqual({name: 'é'});
    expect(readDataFile(write('bom.yaml', `${BOM}name: é\n`))).toEqual({name: 'é'});
  });

  it('refuses bytes that are not UTF-8, with their offset', () => {
    const latin1 = write('latin1.yaml', Buffer.concat([Buffer.from('name: x\nnote: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect(refusal(latin1)).toBe(`${latin1}: not UTF-8: byte 0xe9 at byte offset 17 (line 2) is not part of a UTF-8 character; save the file as UTF-8`);
    // A BOM and a real U+FFFD before the bad byte count as the bytes they are.
    const json = write('bad.json', Buffer.concat([Buffer.from(`${BOM}{"a": "\uFFFD", "b": "`), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]));
    expect(refusal(json)).toMatch(/byte 0xc3 at byte offset 22 \(line 1\)/);
    const truncated = write('truncated.yaml', Buffer.concat([Buffer.from('a: '), Buffer.from([0xe2, 0x82])]));
    expect(refusal(truncated)).toMatch(/byte 0xe2 at byte offset 3 /);
  });

  it('refuses YAML tags with a plain message and never prints a warning', () => {
    const warn = vi.spyOn(process, 'emitWarning');
    const stderr = vi.spyOn(process.stderr, 'write');
    try {
      const fn = write('fn.yaml', 'name: x\nseed: !!js/function "function () {}"\n');
      expect(refusal(fn)).toBe(`${fn}: not valid YAML: unknown tag !!js/function at line 2, column 7: parley reads plain YAML, without tags`);
      const custom = write('custom.yaml', 'name: !custom x\n');
      expect(refusal(custom)).toMatch(/unknown tag !custom at line 1, column 7/);
      expect(warn).not.toHaveBeenCalled();
      expect(stderr).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      stderr.mockRestore();
    }
    // The core schema's own tags are plain YAML.
    expect(readDataFile(write('str.yaml', 'seed: !!str 42\n'))).toEqual({seed: '42'});
  });

  it('refuses a second document', () => {
    expect(refusal(write('two.yaml', 'name: a\n---\nname: b\n'))).toMatch(/a second document .* at line 2/);
  });
});

describe('resolveDataPath', () => {
  it('says what a path is when it is no file, instead of "no such file"', () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    expect(() => resolveScenarioPath(folder)).toThrow(`${folder}: is a directory, not a scenario file`);
    expect(() => resolveDataPath(folder, dir, 'sweep spec')).toThrow(/is a directory, not a sweep spec file/);
    expect(() => resolveScenarioPath('/dev/null')).toThrow(/\/dev\/null: is a device, not a scenario file/);
    const fifo = join(dir, 'a-fifo');
    execFileSync('mkfifo', [fifo]);
    expect(() => resolveScenarioPath(fifo)).toThrow(/a-fifo: is a FIFO \(a named pipe\), not a scenario file/);
    expect(() => resolveScenarioPath(join(dir, 'missing.yaml'))).toThrow(/no such scenario file/);
  });

  it('a bundled name wins over a folder of that name (as it wins over nothing)', () => {
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      mkdirSync('baseline');
      expect(resolveScenarioPath('baseline')).toMatch(/scenarios\/baseline\.yaml$/);
    } finally {
      process.chdir(cwd);
    }
  });
});
