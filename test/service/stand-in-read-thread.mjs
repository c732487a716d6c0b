// A stand-in read thread for read-threads.test.ts. Its database URL names what it does: `exit-at-start` stops at
// once; `exit-on-crash` answers every read with the text "from the stand-in" and stops (exit code 3) when asked
// for the user whose id is `crash`; asked for the user whose id is `role`, it answers how often it was started to
// checkpoint (`checkpointEveryMs`, null when it was not).
import { parentPort, workerData } from 'node:worker_threads';

if (workerData.databaseUrl === 'exit-at-start') process.exit(4);
parentPort.on('message', (call) => {
  if (call.request.id === 'crash') process.exit(3);
  const text = call.request.id === 'role' ? JSON.stringify(workerData.checkpointEveryMs ?? null) : '"from the stand-in"';
  const bytes = new TextEncoder().encode(text);
  parentPort.postMessage({ seq: call.seq, quirks: [], ignored: [], answer: { bytes } }, [bytes.buffer]);
});
