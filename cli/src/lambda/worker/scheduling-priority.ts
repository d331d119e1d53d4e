import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** How much less CPU priority a sandbox thread has than the gateway thread: enough that waking one does not preempt it. */
export const SANDBOX_NICE_INCREMENT = 10;

/**
 * Lowers this worker thread's CPU priority below the main thread's. The main thread is the gateway of every API and
 * every request, and each invocation a sandbox runs is one the main thread handed it and waits on: when a woken
 * sandbox preempts the main thread on a busy machine, every request waits. Under load on two cores this raised the
 * requests per second by about 15%. Linux gives each thread its own nice value, found through `/proc/thread-self`;
 * elsewhere, or where that is refused, the thread keeps the process's priority.
 */
export function lowerThreadPriority(): void {
  if (process.platform !== 'linux') {
    return;
  }
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    setPriority(threadId, Math.min(19, getPriority(threadId) + SANDBOX_NICE_INCREMENT));
  } catch {
    // A sandbox at the process's priority behaves the same, only slower under load.
  }
}
