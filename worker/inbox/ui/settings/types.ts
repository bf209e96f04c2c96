// Shapes the settings pages read and write. The settings document's types come straight from the
// server's zod schemas (types only: nothing of zod reaches the bundle).
import type { AccountSettings } from '../../../settings/schema';
import type { HandoffPreview } from '../../../settings/handoff-preview';
import type { FieldChange } from '../../../settings/audit-diff';

export type Settings = AccountSettings;
export type SectionKey = keyof Settings;
export type { HandoffPreview, FieldChange };
export type EscalationRule = Settings['escalation']['rules'][number];
export type ChannelHandoff = Settings['handoff']['channels']['web_chat'];
export type RoutingRule = Settings['handoff']['routingRules'][number];
export type ChannelKey = keyof Settings['handoff']['channels'];

export interface TeamRow {
  id: string;
  name: string;
  memberIds: string[];
}

export interface Article {
  id: string;
  title: string;
  body: string;
  url: string | null;
  topic: string | null;
  updatedAt: number;
}

export interface ProductRow {
  id: string;
  sku: string;
  title: string;
  category: string;
  priceCents: number;
  currency: string;
  inStock: boolean;
}

export interface EmbedInfo {
  origin: string;
  siteKey: string;
  snippet: string;
  identityKey: { hint: string; rotatedAt: number | null };
}

export interface AuditEntry {
  id: string;
  action: string;
  createdAt: number;
  actor: { id: string; name: string | null; email: string | null } | null;
  changes: FieldChange[];
}

export interface IntegrationView {
  kind: 'zendesk' | 'gorgias';
  status: 'connected' | 'expired' | 'not_connected';
  config: Record<string, string | null> | null;
  lastError: string | null;
  checkedAt: number | null;
  webhookSigningSecretSet: boolean | null;
}

export interface FailedDelivery {
  id: string;
  number: number;
  helpdesk: string;
  subject: string;
  requesterEmail: string | null;
  deliveryAttempts: number;
  deliveryError: string | null;
  createdAt: number;
}

/** GET /api/settings/channels/connections: one provider connection. */
export type { ConnectionView as PhoneConnectionView } from '../../../channels/connection-view';
