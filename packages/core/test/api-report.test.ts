/**
 * Pins the public types of @rivulet/core, as `public-api.test.ts` pins the names of its runtime
 * exports: `api-report.md` holds them (both entries, `.` and `./syntax`), read from the source by
 * `scripts/api-report.ts`.
 */
import { expect, it } from 'vitest';
import { apiReport, checkedInReport, reportedPackages } from '../../../scripts/api-report';

it('declares exactly the types in api-report.md (after a deliberate change, run pnpm api:update)', {
  timeout: 60_000,
}, () => {
  const pkg = reportedPackages.find((reported) => reported.name === '@rivulet/core');
  if (!pkg) throw new Error('@rivulet/core is not reported');
  expect(apiReport(pkg)).toBe(checkedInReport(pkg));
});
