import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../http/app-env';

/**
 * The inbox is a Preact app built by Vite into /inbox/app.js; every /inbox/* path serves the same
 * shell and the app routes on the client. Data comes only from the JSON API, which enforces roles.
 */
const shell = html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Baton Inbox</title>
    <link rel="stylesheet" href="/inbox/app.css" />
  </head>
  <body>
    <div id="app"></div>
    <script type="module" src="/inbox/app.js"></script>
  </body>
</html>`;

export const inboxPages = new Hono<AppEnv>().get('/', (c) => c.html(shell)).get('/*', (c) => c.html(shell));
