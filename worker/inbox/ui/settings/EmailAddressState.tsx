// Under the inbound email address: whether it is verified (worker/channels/email/address-claim.ts).
// A pending address receives no mail yet; Baton's verification message verifies it when it reaches the
// Worker through the store's Email Routing. "Send again" asks for a new message (the server allows one
// every few minutes and says so). Re-read after every save, when a new address may have been claimed.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiFailure } from '../api';

interface AddressClaim {
  address: string;
  state: 'pending' | 'verified';
  sentAt: number | null;
}

export function EmailAddressState({ savedAt, canEdit }: { savedAt: number; canEdit: boolean }) {
  const [claim, setClaim] = useState<AddressClaim | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    api<{ emailAddress: AddressClaim | null }>('GET', '/api/settings/channels/email/verification').then(
      (r) => setClaim(r.emailAddress),
      () => setClaim(null),
    );
  }, [savedAt]);
  if (!claim) return null;
  if (claim.state === 'verified')
    return (
      <p class="saved-state" data-testid="email-address-state">
        <strong>{claim.address}</strong> is verified: mail to it reaches this store.
      </p>
    );
  async function resend() {
    try {
      const r = await api<{ emailAddress: AddressClaim; verification: { sent: boolean; error: string | null } }>(
        'POST',
        '/api/settings/channels/email/verification',
      );
      setClaim(r.emailAddress);
      setNote(r.verification.sent ? 'Verification message sent' : `Not sent: ${r.verification.error}`);
    } catch (err) {
      setNote(err instanceof ApiFailure ? err.message : 'Could not send the verification message');
    }
  }
  return (
    <div class="saved-state" data-testid="email-address-state">
      <p>
        <strong>{claim.address}</strong> is waiting for verification: it receives no mail until Baton’s verification
        message, sent to it, comes back through your Email Routing (nothing to click). Until then replies go out from
        Baton’s own address.
      </p>
      {canEdit && (
        <button type="button" onClick={resend}>
          Send the verification message again
        </button>
      )}
      {note && <p role="status">{note}</p>}
    </div>
  );
}
