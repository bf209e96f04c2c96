import type { Database } from '../db/client';
import type { Role } from '../db/schema';

/** The signed-in team member, set by the session middleware. */
export interface Member {
  userId: string;
  accountId: string;
  role: Role;
  email: string;
  name: string;
  sessionId: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    db: Database;
    member: Member;
  };
}
