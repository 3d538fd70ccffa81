import { cleanup } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach } from 'vitest';

// CI runs a reproducible sample of every property (FC_SEED explores another one).
if (process.env.CI || process.env.FC_SEED) {
  fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261125) });
}

afterEach(() => {
  cleanup();
});
