// Gorgias's REST API (https://developers.gorgias.com/reference/create-ticket). Auth is Basic with the
// user's email and a REST API key; the base URL is https://{domain}.gorgias.com unless overridden.
//
// A Gorgias handoff moves the conversation to email (web chat closes), so the ticket is an email
// ticket whose requester is the shopper. Each transcript line becomes one message with its own
// created_datetime; `sent_datetime` marks them as already sent, so Gorgias imports them instead of
// emailing them out. Shopper lines come from the customer (from_agent false); the AI agent's and
// teammates' lines are from the integration's user (from_agent true). A closing internal note carries
// the Baton profile id and ticket number; `meta` carries them as data and `external_id` is our ticket id.
import { z } from 'zod';
import { basicAuth, requestJson, type HttpOptions, type HttpTarget } from './helpdesk-http';
import {
  formatLine,
  headerLines,
  helpdeskTags,
  subjectOf,
  type HandoffTicket,
  type TranscriptLine,
} from './transcript';
import type { HelpdeskClient, RemoteTicket } from './helpdesk-client';

export interface GorgiasConfig {
  domain: string;
  email: string;
  baseUrl: string | null;
}

/** Gorgias accepts 1 to 500 messages on a new ticket; two are kept (internal note, a customer message if needed). */
const MAX_MESSAGES = 500;

const id = z.union([z.number().int(), z.string().min(1)]).transform(String);
const ticketShape = z.object({
  id,
  external_id: z.string().nullable().optional(),
  customer: z.object({ id: id.nullable().optional() }).nullable().optional(),
});
const ticketList = z.object({ data: z.array(ticketShape) });
const accountResponse = z.looseObject({ domain: z.string().optional() });

export function gorgiasBaseUrl(config: GorgiasConfig): string {
  return config.baseUrl ?? `https://${config.domain}.gorgias.com`;
}

interface GorgiasMessage {
  channel: 'email' | 'internal-note';
  via: 'api';
  from_agent: boolean;
  sender: { email: string };
  receiver?: { email: string };
  body_text: string;
  created_datetime: string;
  sent_datetime: string;
  external_id?: string;
}

export class GorgiasClient implements HelpdeskClient {
  private readonly target: HttpTarget;

  constructor(
    private readonly config: GorgiasConfig,
    apiKey: string,
    http: HttpOptions,
  ) {
    this.target = {
      label: 'Gorgias',
      baseUrl: gorgiasBaseUrl(config),
      authorization: basicAuth(config.email, apiKey),
      ...http,
    };
  }

  /** "Test connection": Gorgias's "Retrieve your account" endpoint. */
  async testConnection(): Promise<void> {
    await requestJson(this.target, { method: 'GET', path: '/api/account', schema: accountResponse });
  }

  async findByExternalId(externalId: string): Promise<RemoteTicket | null> {
    const { data } = await requestJson(this.target, {
      method: 'GET',
      path: `/api/tickets?external_id=${encodeURIComponent(externalId)}&limit=1`,
      schema: ticketList,
    });
    const found = data.find((t) => t.external_id === externalId);
    return found ? { remoteId: found.id, requesterId: found.customer?.id ?? null } : null;
  }

  async createTicket(t: HandoffTicket): Promise<RemoteTicket> {
    const ticket = await requestJson(this.target, {
      method: 'POST',
      path: '/api/tickets',
      body: {
        channel: 'email',
        via: 'api',
        from_agent: false,
        subject: subjectOf(t),
        external_id: t.ticketId,
        customer: { email: t.requester.email, ...(t.requester.name ? { name: t.requester.name } : {}) },
        tags: helpdeskTags(t).map((name) => ({ name })),
        meta: {
          baton_ticket_id: t.ticketId,
          baton_ticket_number: t.number,
          baton_profile_id: t.profileId,
          baton_conversation_id: t.conversationId,
        },
        messages: this.messages(t),
      },
      schema: ticketShape,
    });
    return { remoteId: ticket.id, requesterId: ticket.customer?.id ?? null };
  }

  private messages(t: HandoffTicket): GorgiasMessage[] {
    const shopper = t.requester.email;
    const now = new Date().toISOString();
    const messages: GorgiasMessage[] = foldOldest(t.lines, MAX_MESSAGES - 2).map(({ line, body }) => {
      const at = new Date(line.at).toISOString();
      const fromShopper = line.role === 'shopper';
      return {
        channel: 'email',
        via: 'api',
        from_agent: !fromShopper,
        sender: { email: fromShopper ? shopper : this.config.email },
        ...(fromShopper ? {} : { receiver: { email: shopper } }),
        body_text: body,
        created_datetime: at,
        sent_datetime: at,
        external_id: `${t.ticketId}:${line.seq}`,
      };
    });
    // A ticket needs a customer message; a handoff without a conversation (or only AI lines) gets one.
    if (!messages.some((m) => !m.from_agent)) {
      messages.unshift({
        channel: 'email',
        via: 'api',
        from_agent: false,
        sender: { email: shopper },
        body_text: subjectOf(t),
        created_datetime: now,
        sent_datetime: now,
      });
    }
    messages.push({
      channel: 'internal-note',
      via: 'api',
      from_agent: true,
      sender: { email: this.config.email },
      body_text: [...headerLines(t), 'The messages above are the conversation with their original times (UTC).'].join(
        '\n',
      ),
      created_datetime: now,
      sent_datetime: now,
    });
    return messages;
  }
}

/** At most `max` messages: the oldest lines are folded into the first one, so no line is dropped. */
function foldOldest(lines: TranscriptLine[], max: number): Array<{ line: TranscriptLine; body: string }> {
  const one = (line: TranscriptLine) => ({ line, body: formatLine(line) });
  if (lines.length <= max) return lines.map(one);
  const cut = lines.length - max + 1;
  const folded = lines.slice(0, cut);
  return [{ line: folded[0]!, body: folded.map(formatLine).join('\n') }, ...lines.slice(cut).map(one)];
}
