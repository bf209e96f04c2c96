// The first-run setup page of a fresh deployment (GET/POST /setup): a plain HTML form, no script, so
// it works before any bundle is built or cached. Every value shown back is escaped by hono/html
// (text, never markup). The page exists only while setupOpen(); afterwards it is 404 (GET) and 409
// (POST). A successful setup signs the new Owner in and sends them to the inbox.
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../http/app-env';
import { ApiError, notFound, zodDetails } from '../http/errors';
import { textBody } from '../http/validate';
import { sameOriginWrites } from '../auth/csrf';
import { startSession } from '../auth/session';
import { setUpFirstStore, setupClosed, setupInput, setupOpen } from '../accounts/create';

const MAX_FORM_BYTES = 4096;

interface FormState {
  values: Record<string, string>;
  errors: Array<{ field: string; message: string }>;
}

const field = (state: FormState, name: string, label: string, type: string, autocomplete: string) => {
  const error = state.errors.find((e) => e.field === name);
  return html`<label>${label}
      <input name="${name}" type="${type}" autocomplete="${autocomplete}" required value="${type === 'password' ? '' : (state.values[name] ?? '')}" />
      ${error ? html`<span class="error" role="alert">${error.message}</span>` : ''}
    </label>`;
};

function page(state: FormState) {
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Set up Baton</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; color: #1f2328; }
      label { display: block; margin: 1rem 0; font-weight: 600; }
      input { display: block; width: 100%; box-sizing: border-box; margin-top: .25rem; padding: .5rem; font: inherit; }
      .error { display: block; color: #b42318; font-weight: 400; }
      button { padding: .6rem 1.2rem; font: inherit; font-weight: 600; }
    </style>
  </head>
  <body>
    <h1>Set up Baton</h1>
    <p>This deployment has no store yet. Create the first store and its Owner account; this page closes once you do.</p>
    <form method="post" action="/setup">
      ${field(state, 'storeName', 'Store name', 'text', 'organization')}
      ${field(state, 'ownerName', 'Your name', 'text', 'name')}
      ${field(state, 'email', 'Your email', 'email', 'email')}
      ${field(state, 'password', 'Password (at least 10 characters)', 'password', 'new-password')}
      <button type="submit">Create store</button>
    </form>
  </body>
</html>`;
}

export const setupPages = new Hono<AppEnv>()
  .use('*', sameOriginWrites)
  .get('/', async (c) => {
    if (!(await setupOpen(c.var.db))) throw notFound('Page');
    return c.html(page({ values: {}, errors: [] }));
  })
  .post('/', async (c) => {
    if (!(await setupOpen(c.var.db))) {
      await c.req.raw.body?.cancel();
      throw setupClosed();
    }
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      await c.req.raw.body?.cancel();
      throw new ApiError(415, 'unsupported_media_type', 'Submit the setup form (application/x-www-form-urlencoded)');
    }
    const values = Object.fromEntries(new URLSearchParams(await textBody(c, MAX_FORM_BYTES)));
    const parsed = setupInput.safeParse(values);
    if (!parsed.success) return c.html(page({ values, errors: zodDetails(parsed.error) }), 400);
    const { user } = await setUpFirstStore(c.var.db, parsed.data);
    await startSession(c, user);
    return c.redirect('/inbox', 303);
  });
