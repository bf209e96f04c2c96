import { Hono } from 'hono';
import type { AppEnv } from './http/app-env';
import { ApiError, onError } from './http/errors';
import { openDb } from './db/client';
import { requireMember } from './auth/session';
import { sameOriginWrites } from './auth/csrf';
import { authRoutes } from './routes/auth';
import { teamRoutes } from './routes/team';
import { settingsRoutes } from './routes/settings';
import { ticketRoutes } from './routes/tickets';
import { widgetRoutes } from './routes/widget';
import { storefrontPages } from './pages/storefront';
import { inboxPages } from './pages/inbox';

const app = new Hono<AppEnv>();

app.use('*', async (c, next) => {
  c.set('db', openDb(c.env.DB));
  await next();
});

// Team-member API: cookie sessions, same-origin writes only, roles checked per route.
const teamApi = new Hono<AppEnv>()
  .use('*', sameOriginWrites)
  .route('/auth', authRoutes)
  .use('*', requireMember)
  .route('/team', teamRoutes)
  .route('/settings', settingsRoutes)
  .route('/tickets', ticketRoutes);

// Public widget API first: it is cross-origin and uses site keys and resume tokens, not cookies.
app.route('/api/widget', widgetRoutes);
app.route('/api', teamApi);
app.route('/inbox', inboxPages);
app.route('/', storefrontPages);

app.notFound(() => {
  throw new ApiError(404, 'not_found', 'No route matches this path');
});
app.onError(onError);

export default app;
export { ConversationRoom } from './durable/ConversationRoom';
