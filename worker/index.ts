import { Hono } from 'hono';
import type { AppEnv } from './http/app-env';
import { ApiError, onError } from './http/errors';
import { openDb } from './db/client';
import { requireMember } from './auth/session';
import { sameOriginWrites } from './auth/csrf';
import { authRoutes } from './routes/auth';
import { teamRoutes } from './routes/team';
import { settingsRoutes } from './routes/settings';
import { cannedReplyRoutes } from './routes/canned-replies';
import { ticketRoutes } from './routes/tickets';
import { presenceRoutes } from './routes/presence';
import { inboxRoutes } from './routes/inbox';
import { emailRoutes } from './channels/email/routes';
import { handleEmail } from './channels/email/handler';
import { assignmentSettingsRoutes } from './routes/assignment-settings';
import { widgetRoutes } from './channels/web-chat/routes';
import { integrationRoutes } from './routes/integrations';
import { webhookRoutes } from './routes/webhooks';
import { insightsRoutes } from './routes/insights';
import { serverApiRoutes } from './routes/server-api';
import { handleWebhookBatch, isWebhookQueue } from './webhooks/queue';
import { sweepOutbox } from './webhooks/outbox';
import { merchantSettingsRoutes } from './routes/merchant-settings';
import { mediaRoutes } from './routes/media';
import { handleDeliveryBatch } from './handoff/delivery';
import { handleChannelBatch, isChannelQueue } from './channels/queue';
import { handleNotificationBatch, isNotificationQueue } from './notifications/queue';
import { sweepNotifications } from './notifications/outbox';
import { myNotificationRoutes, notificationSettingsRoutes } from './routes/notifications';
import { setupPages } from './pages/setup';
import { operatorRoutes } from './routes/operator';
import { apiDocsRoutes } from './routes/api-docs';
import { inboxPages } from './pages/inbox';
import { articlePages } from './agent/article-page';
import { twilioWebhookRoutes } from './channels/sms/webhook';
import { whatsappWebhookRoutes } from './channels/whatsapp/webhook';
import { phoneTicketRoutes } from './routes/phone-tickets';
import { pruneReceipts } from './channels/webhook-receipts';

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
  .route('/me/notifications', myNotificationRoutes) // a member's own email alert switch
  .route('/settings/notifications', notificationSettingsRoutes) // the account's Slack alert
  .route('/settings', settingsRoutes)
  .route('/settings', assignmentSettingsRoutes)
  .route('/tickets', ticketRoutes)
  .route('/canned-replies', cannedReplyRoutes) // canned replies and macros (worker/canned/)
  .route('/tickets', phoneTicketRoutes) // SMS/WhatsApp delivery states, WhatsApp templates
  .route('/presence', presenceRoutes)
  .route('/inbox', inboxRoutes)
  .route('/email', emailRoutes) // a ticket's emails: states, raw messages, attachments
  .route('/integrations', integrationRoutes)
  .route('/', insightsRoutes) // api-keys, segments, metrics, profiles, reports, webhook subscriptions
  .route('/', merchantSettingsRoutes); // avatar, embed, channels, teams, knowledge, test chat, audit

// Public widget API first: it is cross-origin and uses site keys and resume tokens, not cookies.
app.route('/api/widget', widgetRoutes);
// Helpdesk webhooks: signed by the helpdesk, not cookie sessions, so mounted before the team API.
app.route('/api/webhooks', webhookRoutes);
// SMS and WhatsApp provider webhooks: signed by Twilio / Meta, checked against the account's connection.
app.route('/api/channels/sms/twilio', twilioWebhookRoutes);
app.route('/api/channels/whatsapp', whatsappWebhookRoutes);
// Track API and segment exports (API keys), CSAT (resume token): not cookie sessions either.
app.route('/api', serverApiRoutes);
// Adding stores to a deployment (`npm run account:create`): an operator token, not cookie sessions.
app.route('/api/operator', operatorRoutes);
app.route('/api', apiDocsRoutes); // /api/openapi.json and /api/docs: public, before the team API's sign-in
app.route('/api', teamApi);
app.route('/media', mediaRoutes); // public uploaded media (the agent's avatar)
app.route('/inbox', inboxPages);
app.route('/articles', articlePages); // public help articles the agent's answers link to
app.route('/setup', setupPages); // first-run setup: only while the database has no store

app.notFound(() => {
  throw new ApiError(404, 'not_found', 'No route matches this path');
});
app.onError(onError);

// fetch: the Hono app (SELF.fetch in tests). queue: helpdesk deliveries and their dead letters.
export default {
  fetch: app.fetch,
  // Outgoing webhooks, assignment notifications and channel messages (email, SMS, WhatsApp) have their own queues (and dead letters);
  // everything else is helpdesk delivery.
  queue: (batch, env) =>
    isWebhookQueue(batch.queue)
      ? handleWebhookBatch(batch, env)
      : isNotificationQueue(batch.queue)
        ? handleNotificationBatch(batch, env)
        : isChannelQueue(batch.queue)
          ? handleChannelBatch(batch, env)
          : handleDeliveryBatch(batch, env),
  // Every minute: hand waiting webhook deliveries (events written by conversations) and assignment
  // notifications (written by the Dispatcher's assignment log) to their queues, and prune SMS/WhatsApp
  // webhook receipts past their replay window. Independent sweeps: one failing does not stop the others.
  scheduled: (_controller, env, ctx) =>
    ctx.waitUntil(
      Promise.allSettled([sweepOutbox(env), sweepNotifications(env), pruneReceipts(openDb(env.DB))]).then((results) => {
        for (const r of results)
          if (r.status === 'rejected')
            console.error('cron sweep failed', r.reason instanceof Error ? r.reason.message : String(r.reason));
      }),
    ),
  // Cloudflare Email Routing: mail to an account's inbound address or to a thread's reply address.
  email: (message, env) => handleEmail(message, env),
} satisfies ExportedHandler<Env>;
export { ConversationRoom } from './conversation/ConversationRoom';
export { Dispatcher } from './durable/Dispatcher';
