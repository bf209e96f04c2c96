// Team members: Owner/Admin invite by email (a one-time link to send them), change roles and remove
// people. Everyone else sees the list.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { can, type Me, type TeamUser } from '../types';
import { Card, formatTime, Result } from './form';
import { CopyButton } from './CopyButton';
import { useSave } from './useSave';

const ROLES = ['owner', 'admin', 'manager', 'support', 'agent', 'analyst'] as const;
const ROLE_NOTES: Record<(typeof ROLES)[number], string> = {
  owner: 'Owner: everything',
  admin: 'Admin: everything, incl. users and keys',
  manager: 'Manager: settings, assignment, replies',
  support: 'Support: assign and reply',
  agent: 'Agent: reply to tickets',
  analyst: 'Analyst: read only',
};
interface Invite {
  id: string;
  email: string;
  role: string;
  expiresAt: number;
}

export function UsersSection({ me, users, onChanged }: { me: Me; users: TeamUser[]; onChanged: () => Promise<void> }) {
  const manage = can(me, 'team.manage');
  const [invites, setInvites] = useState<Invite[]>([]);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<string>('agent');
  const [link, setLink] = useState<string | null>(null);
  const save = useSave();
  const loadInvites = () =>
    manage
      ? api<{ invites: Invite[] }>('GET', '/api/team/invites').then((r) => setInvites(r.invites))
      : Promise.resolve();
  useEffect(() => void loadInvites(), []);

  async function invite(e: Event) {
    e.preventDefault();
    const res = await save.run(
      () => api<{ link: string }>('POST', '/api/team/invites', { email, role }),
      `Invite created for ${email}: send them the link below`,
    );
    if (res) {
      setLink(res.link);
      setEmail('');
      await loadInvites();
    }
  }
  async function changeRole(user: TeamUser, next: string) {
    await save.run(
      () => api('PATCH', `/api/team/users/${user.id}/role`, { role: next }),
      `${user.name} is now ${next}`,
    );
    await onChanged();
  }
  async function remove(user: TeamUser) {
    if (!confirm(`Remove ${user.name} from the team? They are signed out at once.`)) return;
    await save.run(() => api('DELETE', `/api/team/users/${user.id}`), `${user.name} was removed`);
    await onChanged();
  }

  return (
    <Card title="Users" testId="users">
      <table class="table">
        <thead>
          <tr>
            <th>Name</th>
            <th>Email</th>
            <th>Role</th>
            <th>
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <td>
                {u.name}
                {u.id === me.user.id && <span class="chip">you</span>}
              </td>
              <td>{u.email}</td>
              <td>
                {manage && u.id !== me.user.id ? (
                  <select
                    aria-label={`Role of ${u.name}`}
                    value={u.role}
                    disabled={save.busy}
                    onChange={(e) => void changeRole(u, e.currentTarget.value)}
                  >
                    {ROLES.map((r) => (
                      <option key={r} value={r}>
                        {r}
                      </option>
                    ))}
                  </select>
                ) : (
                  u.role
                )}
              </td>
              <td>
                {manage && u.id !== me.user.id && (
                  <button type="button" class="ghost danger-text" disabled={save.busy} onClick={() => void remove(u)}>
                    Remove
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {manage ? (
        <>
          <h3>Invite someone</h3>
          <form class="inline-form" onSubmit={invite} aria-label="Invite a teammate">
            <label>
              Email <input type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
            </label>
            <label>
              Role
              <select value={role} onChange={(e) => setRole(e.currentTarget.value)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_NOTES[r]}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" disabled={save.busy}>
              Create invite
            </button>
          </form>
          {link && (
            <div class="secret" data-testid="invite-link">
              <strong>One-time invite link (valid 7 days; shown once):</strong>
              <input readOnly value={link} aria-label="Invite link" onFocus={(e) => e.currentTarget.select()} />
              <CopyButton text={link} label="Copy link" />
            </div>
          )}
          {invites.length > 0 && (
            <>
              <h3>Pending invites</h3>
              <ul class="plain-list">
                {invites.map((i) => (
                  <li key={i.id}>
                    {i.email} · {i.role} · expires {formatTime(i.expiresAt)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      ) : (
        <p class="hint">Only an Owner or Admin can invite, change roles or remove people.</p>
      )}
      <Result outcome={save.outcome} />
    </Card>
  );
}
