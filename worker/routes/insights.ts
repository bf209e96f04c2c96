// Team-member routes of the insights domain (API keys, segments, metrics, profiles, reports, webhook
// subscriptions), mounted inside the team API, so a session and same-origin writes are already checked.
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { apiKeyRoutes } from './api-keys';
import { segmentRoutes } from './segments';

export const insightsRoutes = new Hono<AppEnv>()
  .route('/api-keys', apiKeyRoutes)
  .route('/segments', segmentRoutes);
