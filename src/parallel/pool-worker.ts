/**
 * A worker of the document pool (tinypool): runs runDocumentTask on the bytes the main thread read
 * and hands back the encoded outcome, transferred rather than copied. The run's rule set arrives once,
 * as the pool's workerData, not with every task.
 */
import { workerData } from 'node:worker_threads';
import Tinypool from 'tinypool';
import type { RuleSet } from '../rules/types.js';
import { encodeOutcome, runDocumentTask, type DocumentTask } from './document-task.js';

/** tinypool's workerData is [its own data, ours]. */
const rules = (workerData as [unknown, { rules: RuleSet }])[1].rules;

export default async function work({ task, bytes }: { task: DocumentTask; bytes: Uint8Array }) {
  return Tinypool.move(encodeOutcome(await runDocumentTask(task, bytes, rules)));
}
