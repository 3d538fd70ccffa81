/**
 * Resume policy: whether a broken stream is reconnected, through which source, how often and after
 * how long. A drop is a failure before the terminal event (connection lost, body ended early, a
 * stall past `idleTimeoutMs`); while reconnecting, a server that is briefly unavailable (HTTP 5xx,
 * 408, 429) counts as one more failed attempt, anything else ends the answer.
 */
import type { StreamError } from '../stream/errors';
import type { ResumeOption, ResumeSource } from './types';

export interface ResumePlan {
  source: ResumeSource;
  attempts: number;
  /** Wait before attempt `n` (1-based), in ms. */
  delay(attempt: number): number;
}

const defaults = { attempts: 3, delayMs: 500, backoff: 2, maxDelayMs: 8000 };

/**
 * The plan for a run, or `undefined` when it is not resumed. The option's own source is always
 * used; the run's default source when the stream carried an id to continue after, or when it broke
 * before anything arrived (`isBlank`: the same request again cannot repeat a character).
 */
export function planResume(
  option: ResumeOption | undefined,
  runSource: ResumeSource | undefined,
  lastEventId: string | undefined,
  isBlank = false,
): ResumePlan | undefined {
  if (option === false) return undefined;
  const settings = typeof option === 'object' ? option : {};
  const ownSource = typeof option === 'function' ? option : settings.source;
  const source = ownSource ?? (lastEventId !== undefined || isBlank ? runSource : undefined);
  if (source === undefined) return undefined;
  const attempts = settings.attempts ?? defaults.attempts;
  const delayMs = settings.delayMs ?? defaults.delayMs;
  const backoff = settings.backoff ?? defaults.backoff;
  const maxDelayMs = settings.maxDelayMs ?? defaults.maxDelayMs;
  return {
    source,
    attempts: Math.max(0, attempts),
    delay: (attempt) => Math.min(maxDelayMs, delayMs * backoff ** (attempt - 1)),
  };
}

/** Whether `error` broke the stream in a way a reconnection can mend. */
export function isResumable(error: StreamError, isReconnecting: boolean): boolean {
  if (error.code === 'interrupted' || error.code === 'timeout') return true;
  if (!isReconnecting || error.code !== 'http' || error.status === undefined) return false;
  return error.status >= 500 || error.status === 408 || error.status === 429;
}

/** Resolves true after `ms`, or false as soon as `signal` aborts (the timer is cleared). */
export function wait(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve(false);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
