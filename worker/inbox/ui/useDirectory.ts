// Who is on the team, the teams, and whether round robin is on: loaded once, kept live by
// presence and settings events.
import { useEffect, useState } from 'preact/hooks';
import { api } from './api';
import { useFrames, type FrameBus } from './bus';
import type { Directory, Me, Team, TeamUser } from './types';

export function useDirectory(me: Me, bus: FrameBus) {
  const [dir, setDir] = useState<Directory | null>(null);
  async function load() {
    const [users, teams, settings] = await Promise.all([
      api<{ users: TeamUser[] }>('GET', '/api/team/users'),
      api<{ teams: Team[] }>('GET', '/api/inbox/teams'),
      api<{ settings: { roundRobin: { enabled: boolean } } }>('GET', '/api/settings'),
    ]);
    setDir({ me, users: users.users, teams: teams.teams, roundRobin: settings.settings.roundRobin.enabled });
  }
  useEffect(() => void load(), []);
  useFrames(bus, (frame) => {
    if (frame.type === 'presence') {
      setDir(
        (d) =>
          d && { ...d, users: d.users.map((u) => (u.id === frame.userId ? { ...u, presence: frame.presence } : u)) },
      );
    } else if (frame.type === 'settings') {
      setDir((d) => d && { ...d, roundRobin: frame.roundRobin });
    } else if (frame.type === 'reconnected') {
      void load();
    }
  });
  return dir;
}
