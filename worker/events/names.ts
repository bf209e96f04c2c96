// Event names beyond the conversation events of record.ts: what stores send through the track API
// that Baton itself understands, and the names only Baton may write.
import { EVENT } from './record';

export const STORE_EVENT = {
  /** Also upserts the `orders` row that the agent's order_status skill reads. */
  placedOrder: 'Placed Order',
  /** Changes the status of an order sent before (shipped, delivered…). */
  orderStatusUpdated: 'Order Status Updated',
} as const;

export const CSAT_EVENT = 'CSAT Submitted';

/** Written only by Baton: the track API refuses them so reports and segments can trust them. */
export const BATON_EVENT_NAMES: readonly string[] = [...Object.values(EVENT), CSAT_EVENT];
