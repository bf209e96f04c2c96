// A local stand-in for Zendesk Support's API, enough of it for Baton's client (worker/handoff/zendesk.ts):
//   GET  /api/v2/users/me.json        the caller (an anonymous user when no credentials are sent, as Zendesk does)
//   POST /api/v2/tickets.json         create; honours Idempotency-Key (x-idempotency-lookup: hit|miss)
//   GET  /api/v2/tickets.json?external_id=...   list by external id
//   PUT  /api/v2/tickets/{id}.json    update: adds `ticket.comment`
// Auth is Zendesk's API-token Basic auth, "{email}/token:{api_token}"; anything else gets Zendesk's
// 401 body {"error":"Couldn't authenticate you"}. Validation failures answer 422 RecordInvalid.
import { basic, isRecord, startStandin, type Reply, type RunningStandin, type StandinService } from './http-standin';

export const ZENDESK_STANDIN_EMAIL = 'agent@store.test';
export const ZENDESK_STANDIN_TOKEN = 'zd-standin-api-token';

interface ZendeskComment {
  body: string;
  public: boolean;
  author_id: number;
}

interface ZendeskTicket {
  id: number;
  external_id: string | null;
  subject: string;
  requester_id: number;
  requester: { email: string; name: string | null };
  tags: string[];
  status: string;
  comments: ZendeskComment[];
  created_at: string;
}

interface State {
  tickets: ZendeskTicket[];
  users: Map<string, number>;
  idempotency: Map<string, number>;
}

const AGENT_ID = 900_001;

const invalid = (description: string): Reply => ({
  status: 422,
  body: {
    error: 'RecordInvalid',
    description: 'Record validation errors',
    details: { base: [{ description, error: 'InvalidValue' }] },
  },
});

function view(t: ZendeskTicket) {
  const { comments, requester, ...rest } = t;
  return {
    ...rest,
    url: `https://standin.zendesk.com/api/v2/tickets/${t.id}.json`,
    submitter_id: AGENT_ID,
    description: comments[0]?.body ?? '',
  };
}

const service: StandinService<State> = {
  name: 'zendesk',
  newState: () => ({ tickets: [], users: new Map(), idempotency: new Map() }),
  expectedAuthorization: basic(`${ZENDESK_STANDIN_EMAIL}/token`, ZENDESK_STANDIN_TOKEN),
  unauthorized: { status: 401, body: { error: "Couldn't authenticate you" } },
  serverError: { status: 500, body: { error: 'InternalServerError', description: 'Something went wrong' } },
  allowsAnonymous: (req) => req.method === 'GET' && req.path === '/api/v2/users/me.json',

  handle(req, state, ids) {
    if (req.method === 'GET' && req.path === '/api/v2/users/me.json') {
      if (req.authorization === undefined) {
        return {
          status: 200,
          body: { user: { id: null, name: 'Anonymous user', email: 'invalid@example.com', role: 'end-user' } },
        };
      }
      return {
        status: 200,
        body: { user: { id: AGENT_ID, name: 'Store Agent', email: ZENDESK_STANDIN_EMAIL, role: 'admin' } },
      };
    }
    if (req.method === 'GET' && req.path === '/api/v2/tickets.json') {
      const externalId = req.query.get('external_id');
      const found = state.tickets.filter((t) => externalId === null || t.external_id === externalId);
      return {
        status: 200,
        body: { tickets: found.map(view), count: found.length, next_page: null, previous_page: null },
      };
    }
    if (req.method === 'POST' && req.path === '/api/v2/tickets.json') {
      const key = req.headers['idempotency-key'];
      if (typeof key === 'string' && state.idempotency.has(key)) {
        const earlier = state.tickets.find((t) => t.id === state.idempotency.get(key))!;
        return { status: 201, body: { ticket: view(earlier), audit: {} }, headers: { 'x-idempotency-lookup': 'hit' } };
      }
      const ticket = isRecord(req.body) && isRecord(req.body.ticket) ? req.body.ticket : null;
      if (!ticket) return invalid('Send the ticket as {"ticket": {...}}');
      const comment = isRecord(ticket.comment) ? ticket.comment : null;
      if (!comment || typeof comment.body !== 'string' || !comment.body.trim())
        return invalid('Description: cannot be blank');
      const requester = isRecord(ticket.requester) ? ticket.requester : null;
      if (!requester || typeof requester.email !== 'string' || !requester.email.includes('@'))
        return invalid('Requester: Email is invalid');
      const requesterId = userId(state, requester.email, ids);
      const created: ZendeskTicket = {
        id: ids(),
        external_id: typeof ticket.external_id === 'string' ? ticket.external_id : null,
        subject: typeof ticket.subject === 'string' ? ticket.subject : '',
        requester_id: requesterId,
        requester: { email: requester.email, name: typeof requester.name === 'string' ? requester.name : null },
        tags: Array.isArray(ticket.tags) ? ticket.tags.filter((t): t is string => typeof t === 'string') : [],
        status: 'new',
        comments: [{ body: comment.body, public: comment.public !== false, author_id: AGENT_ID }],
        created_at: new Date().toISOString(),
      };
      state.tickets.push(created);
      if (typeof key === 'string') state.idempotency.set(key, created.id);
      return {
        status: 201,
        body: { ticket: view(created), audit: { events: [] } },
        headers: {
          location: `/api/v2/tickets/${created.id}.json`,
          ...(typeof key === 'string' ? { 'x-idempotency-lookup': 'miss' } : {}),
        },
      };
    }
    const update = /^\/api\/v2\/tickets\/(\d+)\.json$/.exec(req.path);
    if (req.method === 'PUT' && update) {
      const ticket = state.tickets.find((t) => t.id === Number(update[1]));
      if (!ticket) return { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } };
      const body = isRecord(req.body) && isRecord(req.body.ticket) ? req.body.ticket : null;
      const comment = body && isRecord(body.comment) ? body.comment : null;
      if (comment) {
        if (typeof comment.body !== 'string' || !comment.body.trim()) return invalid('Comment: cannot be blank');
        const author = typeof comment.author_id === 'number' ? comment.author_id : AGENT_ID;
        ticket.comments.push({ body: comment.body, public: comment.public !== false, author_id: author });
      }
      return { status: 200, body: { ticket: view(ticket), audit: { events: [] } } };
    }
    return { status: 404, body: { error: 'InvalidEndpoint', description: 'Not found' } };
  },

  inspect: (state) => ({ tickets: state.tickets }),
};

function userId(state: State, email: string, ids: () => number): number {
  const known = state.users.get(email.toLowerCase());
  if (known) return known;
  const id = ids();
  state.users.set(email.toLowerCase(), id);
  return id;
}

export function startZendeskStandin(): Promise<RunningStandin> {
  return startStandin(service, 1000);
}
