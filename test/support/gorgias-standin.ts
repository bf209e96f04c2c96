// A local stand-in for Gorgias's REST API, enough of it for Baton's client (worker/handoff/gorgias.ts):
//   GET  /api/account                  "Retrieve your account" (Test connection)
//   POST /api/tickets                  create: 1 to 500 messages, each with channel, via, from_agent and a body
//   GET  /api/tickets?external_id=...  list (cursor-paginated shape: { object, uri, data, meta })
// Auth is Basic "{email}:{api_key}". Errors use Gorgias's envelope {"error": {"msg": ..., "data": ...}}
// (the exact wording of the real messages may differ; the client only relies on the status codes).
import { basic, isRecord, startStandin, type Reply, type RunningStandin, type StandinService } from './http-standin';

export const GORGIAS_STANDIN_EMAIL = 'agent@store.test';
export const GORGIAS_STANDIN_KEY = 'gorgias-standin-api-key';

interface GorgiasTicket {
  id: number;
  external_id: string | null;
  subject: string | null;
  channel: string;
  via: string;
  customer: { id: number; email: string; name: string | null };
  tags: Array<{ name: string }>;
  meta: Record<string, unknown>;
  messages: Array<Record<string, unknown> & { id: number }>;
  created_datetime: string;
}

interface State {
  tickets: GorgiasTicket[];
  customers: Map<string, number>;
}

const bad = (msg: string, data: Record<string, unknown> = {}): Reply => ({
  status: 400,
  body: { error: { msg, data } },
});

const service: StandinService<State> = {
  name: 'gorgias',
  newState: () => ({ tickets: [], customers: new Map() }),
  expectedAuthorization: basic(GORGIAS_STANDIN_EMAIL, GORGIAS_STANDIN_KEY),
  unauthorized: { status: 401, body: { error: { msg: 'Unauthorized: invalid credentials' } } },
  serverError: { status: 500, body: { error: { msg: 'Internal server error' } } },

  handle(req, state, ids) {
    if (req.method === 'GET' && req.path === '/api/account') {
      return {
        status: 200,
        body: { domain: 'standin', created_datetime: '2024-01-01T00:00:00Z', status: { status: 'active' } },
      };
    }
    if (req.method === 'GET' && req.path === '/api/tickets') {
      const externalId = req.query.get('external_id');
      const data = state.tickets.filter((t) => externalId === null || t.external_id === externalId);
      return {
        status: 200,
        body: { object: 'list', uri: '/api/tickets', data, meta: { prev_cursor: null, next_cursor: null } },
      };
    }
    if (req.method === 'POST' && req.path === '/api/tickets') {
      const body = isRecord(req.body) ? req.body : null;
      if (!body) return bad('Invalid payload');
      const messages = Array.isArray(body.messages) ? body.messages : null;
      if (!messages || messages.length < 1 || messages.length > 500)
        return bad('Failed to create ticket', { messages: ['Length must be between 1 and 500.'] });
      for (const [i, m] of messages.entries()) {
        const problem = messageProblem(m);
        if (problem) return bad('Failed to create ticket', { messages: { [i]: [problem] } });
      }
      const customer = isRecord(body.customer) ? body.customer : null;
      const email = typeof customer?.email === 'string' ? customer.email : senderEmail(messages);
      if (!email)
        return bad('Failed to create ticket', { customer: ['A customer (or a customer sender) is required.'] });
      const created: GorgiasTicket = {
        id: ids(),
        external_id: typeof body.external_id === 'string' ? body.external_id : null,
        subject: typeof body.subject === 'string' ? body.subject : null,
        channel: typeof body.channel === 'string' ? body.channel : 'api',
        via: typeof body.via === 'string' ? body.via : 'api',
        customer: {
          id: customerId(state, email, ids),
          email,
          name: typeof customer?.name === 'string' ? customer.name : null,
        },
        tags: Array.isArray(body.tags) ? body.tags.filter(isRecord).map((t) => ({ name: String(t.name) })) : [],
        meta: isRecord(body.meta) ? body.meta : {},
        messages: messages.filter(isRecord).map((m) => ({ ...m, id: ids() })),
        created_datetime: new Date().toISOString(),
      };
      state.tickets.push(created);
      return { status: 201, body: created };
    }
    return { status: 404, body: { error: { msg: 'Not found' } } };
  },

  inspect: (state) => ({ tickets: state.tickets }),
};

function messageProblem(m: unknown): string | null {
  if (!isRecord(m)) return 'Must be an object.';
  if (typeof m.channel !== 'string') return 'channel: Missing data for required field.';
  if (typeof m.via !== 'string') return 'via: Missing data for required field.';
  if (typeof m.from_agent !== 'boolean') return 'from_agent: Missing data for required field.';
  if (typeof m.body_text !== 'string' && typeof m.body_html !== 'string') return 'body_text or body_html is required.';
  if (!isRecord(m.sender) || (typeof m.sender.email !== 'string' && typeof m.sender.id !== 'number'))
    return 'sender: an email or id is required.';
  return null;
}

function senderEmail(messages: unknown[]): string | null {
  const first = messages.find((m) => isRecord(m) && m.from_agent === false);
  return isRecord(first) && isRecord(first.sender) && typeof first.sender.email === 'string'
    ? first.sender.email
    : null;
}

function customerId(state: State, email: string, ids: () => number): number {
  const known = state.customers.get(email.toLowerCase());
  if (known) return known;
  const id = ids();
  state.customers.set(email.toLowerCase(), id);
  return id;
}

export function startGorgiasStandin(): Promise<RunningStandin> {
  return startStandin(service, 5000);
}
