// A read thread that stops with exit code 3 when it is asked anything (read-threads.test.ts).
import { parentPort } from 'node:worker_threads';

parentPort.on('message', () => process.exit(3));
