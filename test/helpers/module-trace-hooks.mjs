// The loader hook of module-trace.mjs (it runs on Node's hooks thread): one line a module loaded.
import {appendFileSync} from 'node:fs';
import process from 'node:process';

export async function load(url, context, next) {
  appendFileSync(process.env.MODULE_TRACE, `${url}\n`);
  return next(url, context);
}
