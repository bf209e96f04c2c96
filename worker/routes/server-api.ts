// Routes that are not for signed-in team members, mounted at /api ahead of the team API: the track API
// and segment exports (account API key), and CSAT ratings (the shopper's conversation resume token).
// No '*' middleware at this level: each sub-app guards its own paths.
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { trackRoutes } from './track';
import { segmentExportRoutes } from './segment-export';
import { csatRoutes } from './csat';

export const serverApiRoutes = new Hono<AppEnv>()
  .route('/track', trackRoutes)
  .route('/export', segmentExportRoutes)
  .route('/csat', csatRoutes);
