// Zendesk Support's Tickets API (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/).
// Auth is Zendesk's API-token form of Basic auth: "{agent email}/token:{api token}". The base URL is
// https://{subdomain}.zendesk.com unless the integration overrides it (tests, proxies).
//
// What a ticket carries: the transcript with timestamps as the first comment (private: it is context
// for agents, and the shopper stays on web chat, so Zendesk must not email them the AI transcript);
// the shopper as requester (email + name); our ticket id as external_id; the Baton profile id in the
// comment text and as the tag `baton_profile_<id>`.
import { z } from 'zod';
import { basicAuth, HelpdeskError, requestJson, type HttpOptions, type HttpTarget } from './helpdesk-http';
import { helpdeskTags, subjectOf, transcriptBody, type HandoffTicket } from './transcript';
import type { HelpdeskClient, RemoteTicket } from './helpdesk-client';

export interface ZendeskConfig {
  subdomain: string;
  email: string;
  baseUrl: string | null;
}

/** Zendesk caps a comment at 64 KB; leave room for JSON escaping. */
const MAX_COMMENT_CHARS = 60_000;

const id = z.union([z.number().int(), z.string().min(1)]).transform(String);
const ticketShape = z.object({ id, requester_id: id.nullable().optional() });
const ticketResponse = z.object({ ticket: ticketShape });
const ticketList = z.object({
  tickets: z.array(ticketShape.extend({ external_id: z.string().nullable().optional() })),
});
const meResponse = z.object({ user: z.object({ id: id.nullable(), role: z.string().optional() }) });

export function zendeskBaseUrl(config: ZendeskConfig): string {
  return config.baseUrl ?? `https://${config.subdomain}.zendesk.com`;
}

export class ZendeskClient implements HelpdeskClient {
  private readonly target: HttpTarget;

  constructor(config: ZendeskConfig, apiToken: string, http: HttpOptions) {
    this.target = {
      label: 'Zendesk',
      baseUrl: zendeskBaseUrl(config),
      authorization: basicAuth(`${config.email}/token`, apiToken),
      ...http,
    };
  }

  /**
   * "Test connection". Zendesk answers users/me with an anonymous user (id null) instead of a 401 when
   * it does not recognise the caller, and an end-user token cannot create tickets for others.
   */
  async testConnection(): Promise<void> {
    const { user } = await requestJson(this.target, {
      method: 'GET',
      path: '/api/v2/users/me.json',
      schema: meResponse,
    });
    if (user.id === null)
      throw new HelpdeskError('auth', 'Zendesk did not recognise these credentials (it answered as an anonymous user)');
    if (user.role === 'end-user')
      throw new HelpdeskError(
        'auth',
        'This Zendesk user is an end user; use an agent or admin email with an API token',
      );
  }

  /** A ticket an earlier attempt may already have created (found by external_id = our ticket id). */
  async findByExternalId(externalId: string): Promise<RemoteTicket | null> {
    const { tickets } = await requestJson(this.target, {
      method: 'GET',
      path: `/api/v2/tickets.json?external_id=${encodeURIComponent(externalId)}`,
      schema: ticketList,
    });
    // Only an exact match counts: never adopt some other ticket the filter let through.
    const found = tickets.find((t) => t.external_id === externalId);
    return found ? { remoteId: found.id, requesterId: found.requester_id ?? null } : null;
  }

  async createTicket(t: HandoffTicket): Promise<RemoteTicket> {
    const { ticket } = await requestJson(this.target, {
      method: 'POST',
      path: '/api/v2/tickets.json',
      // Zendesk's idempotency key: a retried create within its window returns the first ticket.
      headers: { 'idempotency-key': `baton-ticket-${t.ticketId}` },
      body: {
        ticket: {
          subject: subjectOf(t),
          comment: { body: transcriptBody(t, MAX_COMMENT_CHARS), public: false },
          requester: { email: t.requester.email, ...(t.requester.name ? { name: t.requester.name } : {}) },
          external_id: t.ticketId,
          tags: helpdeskTags(t),
        },
      },
      schema: ticketResponse,
    });
    return { remoteId: ticket.id, requesterId: ticket.requester_id ?? null };
  }

  /**
   * A shopper's follow-up: a public comment authored by the requester, as if they had written it in.
   * Without a known requester id it goes in as a private note instead: a public comment by the API
   * user would be emailed to the shopper as if the team had said it.
   */
  async addRequesterComment(remoteId: string, requesterId: string | null, body: string): Promise<void> {
    const comment = requesterId
      ? { body: body.slice(0, MAX_COMMENT_CHARS), public: true, author_id: Number(requesterId) || requesterId }
      : { body: `Shopper wrote: ${body}`.slice(0, MAX_COMMENT_CHARS), public: false };
    await requestJson(this.target, {
      method: 'PUT',
      path: `/api/v2/tickets/${encodeURIComponent(remoteId)}.json`,
      body: { ticket: { comment } },
      schema: ticketResponse,
    });
  }
}
