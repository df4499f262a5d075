// A thread for the thread-protocol tests, served by the built protocol (dist/host/thread-protocol.js):
// it fails as its job says, at once or when the main thread sends it a request.
import {workerData} from 'node:worker_threads';

const {serveThread} = await import(workerData.protocol);
const {InputError} = await import(workerData.errors);

function fail(how) {
  if (how === 'input') throw new InputError('bad.yaml: invalid scenario\n  - days: expected a number', 'bad.yaml');
  if (how === 'type') return null.field; // a TypeError, as a bug would throw it
  if (how === 'string') throw 'not an Error';
}

serveThread((job, post, onRequest) => {
  if (job.when === 'start') fail(job.how);
  post({type: 'ready'});
  onRequest(() => fail(job.how));
});
