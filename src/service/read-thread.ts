import { parentPort, workerData } from 'node:worker_threads';
import { QuirkLog } from '../scim/compat/quirk.js';
import { ScimError } from '../scim/errors/scim-error.js';
import { newReport } from '../scim/resource/attribute-value.js';
import { READ_THREAD_CHECKPOINT_FRAMES } from '../store/sqlite/sqlite-database.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { answerRead } from './read-requests.js';
import type { ReadThreadCall, ReadThreadData, ReadThreadReply } from './read-threads.js';
import type { ScimContext } from './scim-context.js';

/**
 * A read thread (read-threads.ts): its own query-only connection to the server's SQLite file, answering the
 * reads the server's thread posts, one at a time, with the same service code the server would run.
 */
const port = parentPort!;
const { databaseUrl, checkpointEveryMs } = workerData as ReadThreadData;
const store = SqliteStore.openForReads(databaseUrl);
// A checkpoint that fails throws here: the thread stops and is reported (read-threads.ts), and until another
// thread takes its place the server's connection checkpoints at its backstop.
if (checkpointEveryMs !== undefined) setInterval(() => store.checkpointWal(READ_THREAD_CHECKPOINT_FRAMES), checkpointEveryMs);
const encoder = new TextEncoder();

function contextFor(call: ReadThreadCall): ScimContext {
  return {
    store,
    orgId: call.orgId,
    baseUrl: call.baseUrl,
    limits: call.limits,
    now: () => new Date().toISOString(),
    newId: () => {
      throw new Error('A read thread creates nothing');
    },
    report: newReport(),
    quirks: new QuirkLog(),
  };
}

async function replyTo(call: ReadThreadCall): Promise<ReadThreadReply> {
  const context = contextFor(call);
  const trace = () => ({ seq: call.seq, quirks: [...context.quirks.codes()], ignored: context.report.ignored });
  try {
    const { json, version } = await answerRead(context, call.request);
    // Its own ArrayBuffer (not Buffer's shared pool), so it can be transferred: a 20 MB group is not copied.
    const bytes = encoder.encode(json);
    return { ...trace(), answer: version === undefined ? { bytes } : { bytes, version } };
  } catch (error) {
    if (error instanceof ScimError) {
      return { ...trace(), scimError: { status: error.status, scimType: error.scimType, detail: error.detail } };
    }
    return { ...trace(), failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

port.on('message', (call: ReadThreadCall) => {
  void replyTo(call).then((reply) => port.postMessage(reply, 'answer' in reply ? [reply.answer.bytes.buffer] : []));
});
