// Embed: the snippet to paste on every storefront page, the site key, and the identity key that
// signs shopper tokens: never shown again after it is created, rotatable by Owner/Admin.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { can } from '../types';
import { Card, formatTime, PageHeader, Result } from './form';
import { CopyButton } from './CopyButton';
import { useSave } from './useSave';
import type { PageProps } from './page-props';
import type { EmbedInfo } from './types';

const TOKEN_EXAMPLE = `import { SignJWT } from 'jose';

// On your server, for a signed-in customer:
const token = await new SignJWT({ email: customer.email, name: customer.name })
  .setProtectedHeader({ alg: 'HS256' })
  .setSubject(String(customer.id))
  .setExpirationTime('1h')
  .sign(new TextEncoder().encode(process.env.BATON_IDENTITY_KEY));

// In the page: Baton('identify', token)`;

export function EmbedPage({ me }: PageProps) {
  const [info, setInfo] = useState<EmbedInfo | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const save = useSave();
  useEffect(() => {
    void api<EmbedInfo>('GET', '/api/settings/embed').then(setInfo);
  }, []);
  if (!info) return <p aria-busy="true">Loading…</p>;

  async function rotate() {
    setConfirming(false);
    const res = await save.run(
      () => api<{ identityKey: string; hint: string; rotatedAt: number }>('POST', '/api/settings/identity-key/rotate'),
      'New identity key created. Tokens signed with the old key no longer work.',
    );
    if (res && info) {
      setFresh(res.identityKey);
      setInfo({ ...info, identityKey: { hint: res.hint, rotatedAt: res.rotatedAt } });
    }
  }

  return (
    <div class="page">
      <PageHeader title="Embed">Paste the snippet before &lt;/body&gt; on every page of your store.</PageHeader>
      <Card title="Snippet">
        <pre class="code" data-testid="embed-snippet">
          <code>{info.snippet}</code>
        </pre>
        <CopyButton text={info.snippet} label="Copy snippet" testId="copy-snippet" />
        <dl class="facts">
          <dt>Site key (public)</dt>
          <dd>
            <code data-testid="site-key">{info.siteKey}</code>
          </dd>
          <dt>Baton address</dt>
          <dd>
            <code>{info.origin}</code>
          </dd>
        </dl>
        <small class="hint">
          With a strict Content-Security-Policy, add your nonce to both tags and allow connect-src and img-src for{' '}
          {info.origin}.
        </small>
      </Card>
      <Card title="Identity key (secret)">
        <p>
          Your server signs shopper tokens with this key so Baton knows who a signed-in shopper is. Keep it on your
          server only.
        </p>
        <dl class="facts">
          <dt>Current key</dt>
          <dd>
            <code>{info.identityKey.hint}</code>
          </dd>
          <dt>Last rotated</dt>
          <dd>
            {info.identityKey.rotatedAt === null
              ? 'never (the key the store was created with)'
              : formatTime(info.identityKey.rotatedAt)}
          </dd>
        </dl>
        {fresh && (
          <div class="secret" data-testid="new-identity-key">
            <strong>Copy the new key now: it will not be shown again.</strong>
            <input readOnly value={fresh} aria-label="New identity key" onFocus={(e) => e.currentTarget.select()} />
            <CopyButton text={fresh} label="Copy key" />
          </div>
        )}
        {can(me, 'keys.rotate') ? (
          confirming ? (
            <div class="confirm" role="group" aria-label="Confirm rotation">
              <p>Every token signed with the current key stops working at once. Update your server right after.</p>
              <button type="button" class="danger" onClick={() => void rotate()} disabled={save.busy}>
                Rotate now
              </button>
              <button type="button" class="ghost" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          ) : (
            <button type="button" onClick={() => setConfirming(true)}>
              {info.identityKey.rotatedAt === null && !fresh ? 'Create a new identity key' : 'Rotate identity key'}
            </button>
          )
        ) : (
          <p class="hint">Only an Owner or Admin can rotate the identity key.</p>
        )}
        <Result outcome={save.outcome} />
        <h3>Signing a token (Node, with jose)</h3>
        <pre class="code">
          <code>{TOKEN_EXAMPLE}</code>
        </pre>
        <small class="hint">Claims: sub (your customer id), email, name, exp (at most 24 hours ahead).</small>
      </Card>
    </div>
  );
}
