// What GET /api/settings/channels/connections answers for one SMS or WhatsApp connection (types only,
// shared by the route and the settings page): health, non-secret settings, the URLs to paste into the
// provider's console, and stored secrets only as "••••" and their last 4 characters.
export interface ConnectionView {
  channel: 'sms' | 'whatsapp';
  status: 'connected' | 'expired' | 'not_connected';
  config: Record<string, string> | null;
  lastError: string | null;
  checkedAt: number | null;
  /** Paste into the provider's console: Twilio "A message comes in" / Meta's callback URL. */
  webhookUrl: string;
  /** SMS: where Twilio reports delivery states (Baton sets it on each message; shown for reference). */
  statusCallbackUrl: string | null;
  /** WhatsApp: paste into Meta's "Verify token" field. */
  verifyToken: string | null;
  /** Each stored secret as "••••" + its last 4 characters (null when it cannot be opened). */
  secretHints: Record<string, string | null>;
}
