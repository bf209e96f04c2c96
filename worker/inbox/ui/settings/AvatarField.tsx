// The avatar upload: PNG, JPEG, WebP or GIF up to 512 KB (the server checks the file's bytes too).
import { useRef } from 'preact/hooks';
import { ApiFailure, type ErrorEnvelope } from '../api';
import { api } from '../api';
import { Card, Result } from './form';
import { useSave } from './useSave';
import type { Settings } from './types';

const TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const MAX_BYTES = 512 * 1024;

async function upload(file: File): Promise<{ settings: Settings }> {
  if (!TYPES.includes(file.type)) throw new Error('Choose a PNG, JPEG, WebP or GIF image (SVG is not accepted)');
  if (file.size > MAX_BYTES) throw new Error(`The image is ${Math.ceil(file.size / 1024)} KB; the limit is 512 KB`);
  const res = await fetch('/api/settings/avatar', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': file.type },
    body: file,
  });
  const data: unknown = await res.json();
  if (!res.ok) throw new ApiFailure(res.status, data as ErrorEnvelope);
  return data as { settings: Settings };
}

export function AvatarField({
  avatarUrl,
  canEdit,
  onSaved,
}: {
  avatarUrl: string | null;
  canEdit: boolean;
  onSaved: (s: Settings) => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  const save = useSave();
  async function chosen() {
    const file = input.current?.files?.[0];
    if (!file) return;
    const res = await save.run(async () => {
      try {
        return await upload(file);
      } catch (err) {
        if (err instanceof ApiFailure || !(err instanceof Error)) throw err;
        throw new ApiFailure(400, { error: { code: 'invalid_file', message: err.message } });
      }
    }, 'Avatar uploaded');
    if (input.current) input.current.value = '';
    if (res) onSaved(res.settings);
  }
  async function remove() {
    const res = await save.run(() => api<{ settings: Settings }>('DELETE', '/api/settings/avatar'), 'Avatar removed');
    if (res) onSaved(res.settings);
  }
  return (
    <Card title="Avatar">
      <div class="avatar-row">
        {avatarUrl ? (
          <img class="avatar" src={avatarUrl} alt="Current avatar" width={56} height={56} />
        ) : (
          <span class="avatar avatar-empty" aria-hidden="true" />
        )}
        <fieldset disabled={!canEdit || save.busy} class="plain">
          <label class="file">
            Upload an image
            <input ref={input} type="file" accept={TYPES.join(',')} onChange={() => void chosen()} />
          </label>
          {avatarUrl && (
            <button type="button" class="ghost" onClick={() => void remove()}>
              Remove
            </button>
          )}
        </fieldset>
      </div>
      <small class="hint">PNG, JPEG, WebP or GIF, up to 512 KB. Square images look best.</small>
      <Result outcome={save.outcome} />
    </Card>
  );
}
