// The Drizzle client over a D1 binding. Building one extracts the relational config of the whole
// schema, which a CPU profile of the reply path showed at about 7 % of the Worker's time when done per
// request and per object; the client holds no per-request state, so one is kept per binding object
// (a WeakMap: a binding that is dropped, like a test's failing wrapper, takes its client with it).
import { drizzle } from 'drizzle-orm/d1';
import * as schema from './schema';

export type Database = ReturnType<typeof build>;

const clients = new WeakMap<D1Database, Database>();

function build(d1: D1Database) {
  return drizzle(d1, { schema });
}

export function openDb(d1: D1Database): Database {
  let db = clients.get(d1);
  if (!db) {
    db = build(d1);
    clients.set(d1, db);
  }
  return db;
}
