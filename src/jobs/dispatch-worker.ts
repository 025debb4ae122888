import { InputError, type InputIssue } from '../core/errors.ts';
import type { DispatchResult } from '../schema/dispatch-result.ts';
import { type DispatchTask, executeDispatchTask } from './dispatch-task.ts';

/** What crosses back from the worker: class instances do not survive structured cloning, so issues travel as data. */
export type DispatchReply = { ok: true; result: DispatchResult } | { ok: false; issues: InputIssue[] };

/** Piscina entry point: one dispatch per call. */
export default async function dispatchInWorker(task: DispatchTask): Promise<DispatchReply> {
  try {
    return { ok: true, result: await executeDispatchTask(task) };
  } catch (error) {
    if (error instanceof InputError) return { ok: false, issues: error.issues };
    throw error;
  }
}
