import { closeSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';

/**
 * The start of the WAL-index (the `-shm` file), as https://www.sqlite.org/walformat.html gives it for the unix
 * VFS: the header's `iVersion` at byte 0 and `mxFrame` (the WAL's last valid frame) at byte 16, and the checkpoint
 * information's `nBackfill` (the frames already copied into the database file) at byte 96, all in the machine's
 * byte order.
 */
const HEADER_BYTES = 100;
const VERSION_OFFSET = 0;
const MAX_FRAME_OFFSET = 16;
const BACKFILL_OFFSET = 96;
/** The only WAL-index version SQLite has written since 3.7.0. */
const WAL_INDEX_VERSION = 3007000;

/**
 * How many of the WAL's frames are not yet copied into database file `path`, read from its WAL-index without a
 * lock: an estimate, for deciding whether a checkpoint is worth its two syncs. Undefined when it cannot be told
 * (no `-shm` file, or a format this code does not know): then a checkpoint is.
 */
export function walFramesToCopy(path: string): number | undefined {
  const header = Buffer.alloc(HEADER_BYTES);
  let fd: number;
  try {
    fd = openSync(`${path}-shm`, 'r');
  } catch {
    return undefined;
  }
  try {
    if (readSync(fd, header, 0, HEADER_BYTES, 0) < HEADER_BYTES) return undefined;
  } finally {
    closeSync(fd);
  }
  const read = (offset: number): number => (endianness() === 'LE' ? header.readUInt32LE(offset) : header.readUInt32BE(offset));
  if (read(VERSION_OFFSET) !== WAL_INDEX_VERSION) return undefined;
  return Math.max(0, read(MAX_FRAME_OFFSET) - read(BACKFILL_OFFSET));
}
