// Runs in Node before the worker tests: starts the local stand-ins (an OpenAI-compatible LLM, Zendesk,
// Gorgias, a webhook receiver, a Slack receiver, an email API, Twilio and the WhatsApp Cloud API) and
// hands their addresses and credentials to the tests inside workerd, which read them with `inject(...)`.
import type { TestProject } from 'vitest/node';
import { startLlmStandin } from '../support/llm-standin';
import { startZendeskStandin, ZENDESK_STANDIN_EMAIL, ZENDESK_STANDIN_TOKEN } from '../support/zendesk-standin';
import { startGorgiasStandin, GORGIAS_STANDIN_EMAIL, GORGIAS_STANDIN_KEY } from '../support/gorgias-standin';
import { startWebhookReceiver } from '../support/webhook-receiver';
import { startNotificationStandins } from '../support/notification-standins';
import { startTwilioStandin, TWILIO_STANDIN_TOKEN } from '../support/twilio-standin';
import { startWhatsAppStandin, WHATSAPP_STANDIN_APP_SECRET, WHATSAPP_STANDIN_TOKEN } from '../support/whatsapp-standin';

export interface HelpdeskStandinInfo {
  /** Append `/s/<scope>` for an integration's baseUrl. */
  url: string;
  email: string;
  secret: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    llmStandinUrl: string;
    llmStandinKey: string;
    zendeskStandin: HelpdeskStandinInfo;
    gorgiasStandin: HelpdeskStandinInfo;
    /** A merchant's webhook endpoint that verifies Standard Webhooks signatures (test/support/webhook-receiver.ts). */
    webhookReceiverUrl: string;
    /** Slack incoming-webhook receiver (`/slack/<scope>`) and email API (`/email/send`) stand-ins. */
    notificationStandinUrl: string;
    /** Twilio's Messaging API stand-in (also the Worker's TWILIO_API_BASE) and its auth token. */
    twilioStandin: { url: string; authToken: string };
    /** The WhatsApp Cloud API stand-in (the Worker's WHATSAPP_API_BASE), its access token and app secret. */
    whatsappStandin: { url: string; accessToken: string; appSecret: string };
  }
}

export default async function setup(project: TestProject) {
  const [llm, zendesk, gorgias] = await Promise.all([startLlmStandin(), startZendeskStandin(), startGorgiasStandin()]);
  project.provide('llmStandinUrl', llm.url);
  project.provide('llmStandinKey', llm.apiKey);
  project.provide('zendeskStandin', { url: zendesk.url, email: ZENDESK_STANDIN_EMAIL, secret: ZENDESK_STANDIN_TOKEN });
  project.provide('gorgiasStandin', { url: gorgias.url, email: GORGIAS_STANDIN_EMAIL, secret: GORGIAS_STANDIN_KEY });
  const receiver = await startWebhookReceiver();
  project.provide('webhookReceiverUrl', receiver.url);
  const notifications = await startNotificationStandins();
  project.provide('notificationStandinUrl', notifications.url);
  // Their addresses also become the Worker's TWILIO_API_BASE / WHATSAPP_API_BASE (vitest.worker.config.ts).
  const twilio = await startTwilioStandin();
  const whatsapp = await startWhatsAppStandin();
  project.provide('twilioStandin', { url: twilio.url, authToken: TWILIO_STANDIN_TOKEN });
  project.provide('whatsappStandin', {
    url: whatsapp.url,
    accessToken: WHATSAPP_STANDIN_TOKEN,
    appSecret: WHATSAPP_STANDIN_APP_SECRET,
  });
  return async () => {
    await Promise.all([
      llm.stop(),
      zendesk.stop(),
      gorgias.stop(),
      receiver.stop(),
      notifications.stop(),
      twilio.stop(),
      whatsapp.stop(),
    ]);
  };
}
