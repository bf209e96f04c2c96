import type { Role } from '../db/schema';

/**
 * The one permission table (DESIGN.md, "Tenancy and identity"). Routes ask `can(role, action)`
 * through the `requirePermission` middleware; the inbox UI reads the same table from /api/auth/me.
 */
export const PERMISSIONS = {
  'conversations.read': ['owner', 'admin', 'manager', 'support', 'agent', 'analyst'],
  'reports.read': ['owner', 'admin', 'manager', 'support', 'agent', 'analyst'],
  'settings.read': ['owner', 'admin', 'manager', 'support', 'agent', 'analyst'],
  'settings.edit': ['owner', 'admin', 'manager'],
  'roundrobin.toggle': ['owner', 'admin', 'manager'],
  'tickets.assign': ['owner', 'admin', 'manager', 'support'],
  'tickets.reply': ['owner', 'admin', 'manager', 'support', 'agent'],
  'team.manage': ['owner', 'admin'],
  'keys.rotate': ['owner', 'admin'],
  // Saved segments and webhook subscriptions are merchant configuration (DESIGN.md: Owner/Admin/Manager).
  'segments.edit': ['owner', 'admin', 'manager'],
  'webhooks.manage': ['owner', 'admin', 'manager'],
  'audit.read': ['owner', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => can(role, p));
}
