import { requestRecords } from '../requests';

export const dynamic = 'force-dynamic';

/** Every chat request so far, and whether the route saw it aborted. */
export function GET() {
  return Response.json({ requests: requestRecords() });
}
