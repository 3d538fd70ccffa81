/**
 * What the chat route saw of each request, kept in memory for the test to read at GET /api/aborted.
 * On `globalThis`, since Next.js may bundle each route with its own copy of this module.
 */
export interface RequestRecord {
  question: string;
  /** The route sent `[DONE]`: the answer is complete. */
  completed: boolean;
  /** `request.signal` fired before the answer was complete. */
  aborted: boolean;
}

const store = globalThis as typeof globalThis & { rivuletRequests?: RequestRecord[] };

export function requestRecords(): RequestRecord[] {
  store.rivuletRequests ??= [];
  return store.rivuletRequests;
}
