// A preload (`node --import ./module-trace.mjs …`) that appends the URL of every module the process
// loads, builtins included, to the file named by MODULE_TRACE: what a command pulls in at start-up.
import {register} from 'node:module';
import process from 'node:process';

if (process.env.MODULE_TRACE) register('./module-trace-hooks.mjs', import.meta.url);
