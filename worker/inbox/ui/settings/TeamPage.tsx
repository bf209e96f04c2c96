// Team: the people (invite, role, remove: Owner/Admin) and the teams (Owner/Admin/Manager).
import { PageHeader } from './form';
import { usePeople } from './usePeople';
import { UsersSection } from './UsersSection';
import { TeamsSection } from './TeamsSection';
import type { PageProps } from './page-props';

export function TeamPage({ me, canEdit }: PageProps) {
  const people = usePeople();
  if (!people) return <p aria-busy="true">Loading…</p>;
  return (
    <div class="page">
      <PageHeader title="Team">Who works in Baton and which teams they belong to.</PageHeader>
      <UsersSection me={me} users={people.users} onChanged={people.reload} />
      <TeamsSection teams={people.teams} users={people.users} canEdit={canEdit} onChanged={people.reload} />
    </div>
  );
}
