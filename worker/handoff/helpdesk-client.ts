// The one interface the delivery queue talks to, whichever helpdesk the ticket goes to.
import type { HandoffTicket } from './transcript';

export interface RemoteTicket {
  remoteId: string;
  /** The requester's user id in the helpdesk (Zendesk authors shopper follow-ups as this user). */
  requesterId: string | null;
}

/** Every method throws HelpdeskError (auth / retryable / rejected) on failure. */
export interface HelpdeskClient {
  testConnection(): Promise<void>;
  /** A ticket an earlier attempt may already have created, found by external_id = our ticket id. */
  findByExternalId(externalId: string): Promise<RemoteTicket | null>;
  createTicket(ticket: HandoffTicket): Promise<RemoteTicket>;
}
