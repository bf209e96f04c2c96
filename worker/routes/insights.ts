// Team-member routes of the insights domain (API keys, segments, metrics, profiles, reports, webhook
// subscriptions), mounted inside the team API, so a session and same-origin writes are already checked.
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { apiKeyRoutes } from './api-keys';
import { segmentRoutes } from './segments';
import { metricRoutes } from './metrics';
import { profileRoutes } from './profiles';
import { reportRoutes } from './reports';
import { webhookSubscriptionRoutes } from './webhook-subscriptions';

export const insightsRoutes = new Hono<AppEnv>()
  .route('/api-keys', apiKeyRoutes)
  .route('/segments', segmentRoutes)
  .route('/metrics', metricRoutes)
  .route('/profiles', profileRoutes)
  .route('/reports', reportRoutes)
  .route('/webhook-subscriptions', webhookSubscriptionRoutes);
