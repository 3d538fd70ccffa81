import { FENCE, type MockAnswer } from './types.js';

/** Code in five languages, each in its own fence, with prose between them. */
export const code: MockAnswer = {
  id: 'code',
  title: 'Code-heavy: TypeScript, Python, Bash, JSON and Rust',
  parts: [
    {
      type: 'text',
      text: `Here is the same **retry with exponential backoff** in a few languages.

### TypeScript

${FENCE}ts
export async function retry<T>(fn: () => Promise<T>, attempts = 5): Promise<T> {
  let delay = 250;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 8_000);
    }
  }
}
${FENCE}

### Python

${FENCE}python
import asyncio
import random

async def retry(fn, attempts: int = 5):
    delay = 0.25
    for attempt in range(1, attempts + 1):
        try:
            return await fn()
        except Exception:
            if attempt == attempts:
                raise
            await asyncio.sleep(delay + random.random() / 10)
            delay = min(delay * 2, 8.0)
${FENCE}

### Bash

${FENCE}bash
#!/usr/bin/env bash
set -euo pipefail

for attempt in 1 2 3 4 5; do
  if curl --fail --silent "https://api.example.com/health"; then
    echo "up after $attempt attempt(s)"
    exit 0
  fi
  sleep $((2 ** attempt))
done
echo "giving up" >&2
exit 1
${FENCE}

### Configuration (JSON)

${FENCE}json
{
  "retry": {
    "attempts": 5,
    "initialDelayMs": 250,
    "maxDelayMs": 8000,
    "retryOn": [429, 502, 503, 504]
  }
}
${FENCE}

### Rust

${FENCE}rust
use std::{thread, time::Duration};

pub fn retry<T, E>(mut f: impl FnMut() -> Result<T, E>, attempts: u32) -> Result<T, E> {
    let mut delay = Duration::from_millis(250);
    let mut attempt = 1;
    loop {
        match f() {
            Ok(value) => return Ok(value),
            Err(error) if attempt >= attempts => return Err(error),
            Err(_) => {
                thread::sleep(delay);
                delay = (delay * 2).min(Duration::from_secs(8));
                attempt += 1;
            }
        }
    }
}
${FENCE}

All five cap the delay so a long outage never turns into minutes of silence, and only the last failure is surfaced to the caller.
`,
    },
  ],
};
