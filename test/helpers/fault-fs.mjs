// A preload for the built CLI (`node --import <this> dist/bundle/bin.js …`) that makes the disk
// fail as a full, read-only or forbidden one does, for the files whose path matches a pattern:
//   PARLEY_FAULT_FILE  a regular expression tested against the path opened
//   PARLEY_FAULT_CODE  the error code thrown (ENOSPC, EDQUOT, EACCES, EROFS)
//   PARLEY_FAULT_AFTER bytes written to such a file before it fails (unset: opening it fails)
// A write that crosses the limit writes up to it and returns the shorter count, as the kernel does.
import {Buffer} from 'node:buffer';
import fs from 'node:fs';
import {syncBuiltinESMExports} from 'node:module';
import process from 'node:process';

const pattern = new RegExp(process.env.PARLEY_FAULT_FILE ?? '(?!)');
const code = process.env.PARLEY_FAULT_CODE ?? 'ENOSPC';
const after = process.env.PARLEY_FAULT_AFTER === undefined ? null : Number(process.env.PARLEY_FAULT_AFTER);
const ERRNO = {ENOSPC: -28, EDQUOT: -122, EACCES: -13, EROFS: -30};

/** Bytes each watched descriptor may still take. */
const budget = new Map();

const fail = (syscall, path) => Object.assign(new Error(`${code}: simulated failure, ${syscall}${path ? ` '${path}'` : ''}`), {code, errno: ERRNO[code] ?? -1, syscall, path});

const {openSync, writeSync, closeSync} = fs;

fs.openSync = function (path, ...rest) {
  const watched = typeof path === 'string' && pattern.test(path);
  if (watched && after === null) throw fail('open', path);
  const fd = openSync.call(this, path, ...rest);
  if (watched) budget.set(fd, after);
  return fd;
};

fs.writeSync = function (fd, data, ...rest) {
  if (!budget.has(fd)) return writeSync.call(this, fd, data, ...rest);
  const left = budget.get(fd);
  if (left <= 0) throw fail('write');
  // As bytes: writeSync(fd, buffer, offset, length, position) or writeSync(fd, string, …).
  let bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (typeof data !== 'string' && typeof rest[0] === 'number') bytes = bytes.subarray(rest[0], rest[0] + (rest[1] ?? bytes.length - rest[0]));
  const n = writeSync.call(this, fd, bytes, 0, Math.min(bytes.length, left));
  budget.set(fd, left - n);
  return n;
};

fs.closeSync = function (fd) {
  budget.delete(fd);
  return closeSync.call(this, fd);
};

syncBuiltinESMExports();
