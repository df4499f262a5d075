// How parley's engine threads talk to the main thread: the dashboard's loop thread (loop-thread.ts)
// and the sweep's chunk threads (sweep-thread.ts, on piscina). A thread sends its own messages,
// or a Failure: the error that stopped it, as plain data. Error classes do not survive the thread
// boundary (a structured clone keeps an Error's message and stack, not its class), and an
// InputError must arrive as one, so that the CLI prints it plainly and exits 2.
import {parentPort, Worker, workerData} from 'node:worker_threads';
import {InputError} from '../scenario/errors.js';

/** An error as data: whether it was an InputError (and its file), its message and its stack in the thread. */
export interface ErrorData {
  input: boolean;
  name: string;
  message: string;
  file?: string;
  stack?: string;
}

/** What a thread sends when an error stops it (or, for a sweep, stops a chunk). */
export interface Failure {
  type: 'error';
  error: ErrorData;
}

export function errorAsData(e: unknown): ErrorData {
  const err = e instanceof Error ? e : new Error(String(e));
  return {input: e instanceof InputError, name: err.name, message: err.message, file: e instanceof InputError ? e.file : undefined, stack: err.stack};
}

/** The error again on this side: an InputError as one; any other keeps its name and the thread's stack. */
export function errorFromData(d: ErrorData): Error {
  const err = d.input ? new InputError(d.message, d.file) : new Error(d.message);
  err.name = d.name;
  if (d.stack !== undefined) err.stack = d.stack;
  return err;
}

export const failure = (e: unknown): Failure => ({type: 'error', error: errorAsData(e)});

/**
 * The thread side of a worker_threads thread: `serve` gets its job, a typed post and a way to
 * take the main thread's requests. Whatever it or a request's handler throws is posted as a
 * Failure; the main side (startThread) rejects with it rebuilt.
 */
export function serveThread<Job, Message, Request = never>(serve: (job: Job, post: (m: Message) => void, onRequest: (handle: (r: Request) => void) => void) => void | Promise<void>): void {
  const port = parentPort!;
  const fail = (e: unknown): void => port.postMessage(failure(e));
  const onRequest = (handle: (r: Request) => void): void =>
    void port.on('message', (r: Request) => {
      try {
        handle(r);
      } catch (e) {
        fail(e);
      }
    });
  // Sync or async, what `serve` throws becomes a Failure.
  void (async () => serve(workerData as Job, (m) => port.postMessage(m), onRequest))().catch(fail);
}

export interface ThreadHandlers<Message> {
  onMessage(m: Message): void;
  /** Called at most once, with the thread's Failure rebuilt, an error it did not catch, or its early exit. */
  onError(e: Error): void;
}

/** A thread started by startThread: what the main side can do with it. */
export interface Thread<Request> {
  send(r: Request): void;
  /** Ends the thread; nothing it sends after is heard. */
  stop(): void;
}

/** The main side: starts the thread at `url` with `job`, and routes what it sends (see serveThread). */
export function startThread<Job, Message extends {type: string}, Request = never>(url: URL, job: Job, handlers: ThreadHandlers<Message>): Thread<Request> {
  const worker = new Worker(url, {workerData: job});
  let done = false;
  const stop = (): void => {
    done = true;
    void worker.terminate();
  };
  const fail = (e: Error): void => {
    if (done) return;
    stop();
    handlers.onError(e);
  };
  worker.on('message', (m: Message | Failure) => {
    if (done) return;
    if (m.type === 'error') fail(errorFromData((m as Failure).error));
    else handlers.onMessage(m as Message);
  });
  worker.on('error', fail);
  // A thread ends when the main side stops it: any other exit is a failure.
  worker.on('exit', (code) => fail(new Error(`the engine thread exited with code ${code} before it finished`)));
  return {send: (r) => worker.postMessage(r), stop};
}
