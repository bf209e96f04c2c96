// The first-run setup page of a fresh deployment (GET/POST /setup): a plain HTML form, no script, so
// it works before any bundle is built or cached. Every value shown back is escaped by hono/html
// (text, never markup). The page exists only while setupOpen(); afterwards it is 404 (GET) and 409
// (POST). A successful setup signs the new Owner in and sends them to the inbox.
// Whoever reaches a fresh deployment first must not become its Owner: the form asks for the SETUP_TOKEN
// secret the deployer set (`wrangler secret put SETUP_TOKEN`, at least 16 characters). Without that
// secret the page only says how to set it, and a submission is refused (403) before anything is read.
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { AppEnv } from '../http/app-env';
import { ApiError, notFound, zodDetails } from '../http/errors';
import { textBody } from '../http/validate';
import { sameOriginWrites } from '../auth/csrf';
import { startSession } from '../auth/session';
import { secretMatches } from '../ids';
import { setUpFirstStore, setupClosed, setupInput, setupOpen } from '../accounts/create';

const MAX_FORM_BYTES = 4096;
const MIN_SETUP_TOKEN_LENGTH = 16;

/** The deployer's setup token, or undefined while none (or a guessably short one) is set. */
const setupToken = (env: Env & { SETUP_TOKEN?: string }) =>
  env.SETUP_TOKEN && env.SETUP_TOKEN.length >= MIN_SETUP_TOKEN_LENGTH ? env.SETUP_TOKEN : undefined;

const TOKEN_MISSING =
  'This deployment has no setup token yet. Run `npx wrangler secret put SETUP_TOKEN` with a long random value (at least 16 characters, e.g. `openssl rand -base64 24`), then reload this page.';

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

function page(state: FormState | null) {
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
    ${state ? form(state) : html`<p role="alert">${TOKEN_MISSING}</p>`}
  </body>
</html>`;
}

function form(state: FormState) {
  return html`<p>This deployment has no store yet. Create the first store and its Owner account; this page closes once you do.</p>
    <form method="post" action="/setup">
      ${field(state, 'setupToken', 'Setup token (the SETUP_TOKEN secret)', 'password', 'off')}
      ${field(state, 'storeName', 'Store name', 'text', 'organization')}
      ${field(state, 'ownerName', 'Your name', 'text', 'name')}
      ${field(state, 'email', 'Your email', 'email', 'email')}
      ${field(state, 'password', 'Password (at least 10 characters)', 'password', 'new-password')}
      <button type="submit">Create store</button>
    </form>`;
}

export const setupPages = new Hono<AppEnv>()
  .use('*', sameOriginWrites)
  .get('/', async (c) => {
    if (!(await setupOpen(c.var.db))) throw notFound('Page');
    return c.html(page(setupToken(c.env) ? { values: {}, errors: [] } : null));
  })
  .post('/', async (c) => {
    if (!(await setupOpen(c.var.db))) {
      await c.req.raw.body?.cancel();
      throw setupClosed();
    }
    const expectedToken = setupToken(c.env);
    if (!expectedToken) {
      await c.req.raw.body?.cancel();
      throw new ApiError(403, 'setup_token_not_set', TOKEN_MISSING);
    }
    if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      await c.req.raw.body?.cancel();
      throw new ApiError(415, 'unsupported_media_type', 'Submit the setup form (application/x-www-form-urlencoded)');
    }
    const values = Object.fromEntries(new URLSearchParams(await textBody(c, MAX_FORM_BYTES)));
    if (!(await secretMatches(values.setupToken ?? '', expectedToken))) {
      return c.html(
        page({
          values,
          errors: [{ field: 'setupToken', message: 'This is not the setup token set on this deployment' }],
        }),
        403,
      );
    }
    const parsed = setupInput.safeParse(values);
    if (!parsed.success) return c.html(page({ values, errors: zodDetails(parsed.error) }), 400);
    const { user } = await setUpFirstStore(c.var.db, parsed.data);
    await startSession(c, user);
    return c.redirect('/inbox', 303);
  });
