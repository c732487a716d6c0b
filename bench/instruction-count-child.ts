import { readFileSync } from 'node:fs';
import { runOperations, type OperationData } from './instruction-count-operations.js';

/**
 * The process `instruction-counts.ts` runs under callgrind: one operation, `count` times.
 * Usage: node .bench-out/bench/instruction-count-child.js <data.json> <operation> <count>
 */
const [dataFile, operation, count] = process.argv.slice(2);
if (dataFile === undefined || operation === undefined || count === undefined) {
  throw new Error('Usage: instruction-count-child.js <data.json> <operation> <count>');
}
await runOperations(JSON.parse(readFileSync(dataFile, 'utf8')) as OperationData, operation, Number(count));
