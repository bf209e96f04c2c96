// The account's teammates and teams, for the pickers on the handoff and team pages.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import type { TeamUser } from '../types';
import type { TeamRow } from './types';

export interface People {
  users: TeamUser[];
  teams: TeamRow[];
  reload(): Promise<void>;
}

export function usePeople(): People | null {
  const [state, setState] = useState<{ users: TeamUser[]; teams: TeamRow[] } | null>(null);
  async function reload() {
    const [users, teams] = await Promise.all([
      api<{ users: TeamUser[] }>('GET', '/api/team/users'),
      api<{ teams: TeamRow[] }>('GET', '/api/teams'),
    ]);
    setState({ users: users.users, teams: teams.teams });
  }
  useEffect(() => void reload(), []);
  return state && { ...state, reload };
}
