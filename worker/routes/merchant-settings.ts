// Team-member routes of the merchant settings (Settings pages under /inbox/settings), mounted inside
// the team API, so a session and same-origin writes are already checked; each route checks its role.
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { avatarRoutes } from './avatar';
import { embedRoutes } from './embed';
import { channelSettingsRoutes } from './channel-settings';
import { teamsRoutes } from './teams';
import { knowledgeRoutes } from './knowledge';
import { testChatRoutes } from './test-chat';
import { auditRoutes } from './audit';
import { phoneChannelRoutes } from './phone-channels';

export const merchantSettingsRoutes = new Hono<AppEnv>()
  .route('/settings', avatarRoutes) // POST/DELETE /settings/avatar
  .route('/settings', embedRoutes) // GET /settings/embed, POST /settings/identity-key/rotate
  .route('/settings', channelSettingsRoutes) // PUT /settings/channels
  .route('/settings/channels', phoneChannelRoutes) // SMS (Twilio) and WhatsApp connections
  .route('/teams', teamsRoutes)
  .route('/knowledge', knowledgeRoutes)
  .route('/test-chat', testChatRoutes)
  .route('/audit', auditRoutes);
