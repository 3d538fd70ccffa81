import fc from 'fast-check';

// CI runs a reproducible sample of every property (set FC_SEED to explore another one); local runs
// and `pnpm fuzz` draw a new seed each time.
if (process.env.CI || process.env.FC_SEED) {
  fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261125) });
}
