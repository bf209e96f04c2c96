// Twilio's Programmable Messaging REST API (https://www.twilio.com/docs/messaging/api/message-resource):
//   POST {base}/2010-04-01/Accounts/{AccountSid}/Messages.json   form: To, From, Body, StatusCallback
//   GET  {base}/2010-04-01/Accounts/{AccountSid}.json            the account (the settings' Test button)
// Basic auth with the Account SID and Auth Token. The base URL is TWILIO_API_BASE when set (a local
// stand-in in tests, a proxy), else Twilio itself.
import { z } from 'zod';
import { basicAuth } from '../../handoff/helpdesk-http';
import { providerJson } from '../provider-http';

export const TWILIO_DEFAULT_BASE = 'https://api.twilio.com';
/** Twilio's error for a number that texted STOP ("Attempt to send to unsubscribed recipient"). */
export const TWILIO_UNSUBSCRIBED = 21610;

export interface TwilioEnv {
  TWILIO_API_BASE?: string;
}

const messageResource = z.object({ sid: z.string().min(1), status: z.string() });
const accountResource = z.object({ sid: z.string(), status: z.string(), friendly_name: z.string().optional() });

export interface OutgoingSms {
  to: string;
  from: string;
  body: string;
  /** Where Twilio posts this message's status changes (signed like every Twilio webhook). */
  statusCallback: string;
}

export class TwilioClient {
  private readonly base: string;
  private readonly authorization: string;

  constructor(
    env: TwilioEnv,
    private readonly accountSid: string,
    authToken: string,
  ) {
    this.base = (env.TWILIO_API_BASE?.trim() || TWILIO_DEFAULT_BASE).replace(/\/+$/, '');
    this.authorization = basicAuth(accountSid, authToken);
  }

  /** Hands one message to Twilio; throws ProviderError. Resolves with Twilio's MessageSid. */
  async send(sms: OutgoingSms): Promise<{ sid: string; status: string }> {
    const form = new URLSearchParams({
      To: sms.to,
      From: sms.from,
      Body: sms.body,
      StatusCallback: sms.statusCallback,
    });
    return providerJson({
      label: 'Twilio',
      method: 'POST',
      url: `${this.base}/2010-04-01/Accounts/${encodeURIComponent(this.accountSid)}/Messages.json`,
      headers: { authorization: this.authorization, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
      schema: messageResource,
    });
  }

  /** Checks the credentials: Twilio answers with the account when the SID and token belong together. */
  async test(): Promise<{ status: string }> {
    const account = await providerJson({
      label: 'Twilio',
      method: 'GET',
      url: `${this.base}/2010-04-01/Accounts/${encodeURIComponent(this.accountSid)}.json`,
      headers: { authorization: this.authorization },
      schema: accountResource,
    });
    return { status: account.status };
  }
}
