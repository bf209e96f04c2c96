// The ordered message log and the conversation's own state, in the Durable Object's SQLite storage.
// Nothing lives only in memory: a hibernated or restarted object reads everything back from here.
import type { MessageRole, ProductCard, WireMessage, ConversationStatus } from '../protocol/widget';
import type { Channel } from '../db/schema';

export interface ConversationMeta {
  accountId: string;
  conversationId: string;
  channel: Channel;
  resumeTokenHash: string;
  status: ConversationStatus;
  profileId: string | null;
  skill: string | null;
  tags: string[];
  missesInARow: number;
  escalations: number;
  startedAt: number;
  lastShopperAt: number | null;
  /** True once the agent has answered something, so idle time can resolve the conversation. */
  answered: boolean;
  isTest: boolean;
  /** The ticket a handoff created (null until then; absent in meta written before handoffs existed). */
  ticketId?: string | null;
}

export interface NewMessage {
  role: MessageRole;
  text: string;
  clientId: string | null;
  authorName: string | null;
  cards: ProductCard[];
  prompt: WireMessage['prompt'];
}

interface MessageRow extends Record<string, SqlStorageValue> {
  seq: number;
  role: string;
  text: string;
  client_id: string | null;
  author_name: string | null;
  cards: string;
  prompt: string | null;
  at: number;
}

export class ConversationLog {
  constructor(private readonly sql: SqlStorage) {
    // Idempotent schema: runs on every wake-up, creates nothing twice.
    sql.exec(`CREATE TABLE IF NOT EXISTS meta (id INTEGER PRIMARY KEY CHECK (id = 1), data TEXT NOT NULL)`);
    sql.exec(`CREATE TABLE IF NOT EXISTS messages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      role TEXT NOT NULL,
      text TEXT NOT NULL,
      client_id TEXT UNIQUE,
      author_name TEXT,
      cards TEXT NOT NULL DEFAULT '[]',
      prompt TEXT,
      at INTEGER NOT NULL
    )`);
  }

  meta(): ConversationMeta | null {
    const row = this.sql.exec<{ data: string }>('SELECT data FROM meta WHERE id = 1').toArray()[0];
    return row ? (JSON.parse(row.data) as ConversationMeta) : null;
  }

  saveMeta(meta: ConversationMeta): void {
    this.sql.exec('INSERT INTO meta (id, data) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data', JSON.stringify(meta));
  }

  append(message: NewMessage, at: number): WireMessage {
    const row = this.sql
      .exec<MessageRow>(
        `INSERT INTO messages (role, text, client_id, author_name, cards, prompt, at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
        message.role, message.text, message.clientId, message.authorName, JSON.stringify(message.cards), message.prompt, at,
      )
      .one();
    return toWire(row);
  }

  byClientId(clientId: string): WireMessage | null {
    const row = this.sql.exec<MessageRow>('SELECT * FROM messages WHERE client_id = ?', clientId).toArray()[0];
    return row ? toWire(row) : null;
  }

  after(seq: number, limit = 500): WireMessage[] {
    return this.sql.exec<MessageRow>('SELECT * FROM messages WHERE seq > ? ORDER BY seq LIMIT ?', seq, limit).toArray().map(toWire);
  }

  countSince(role: MessageRole, since: number): number {
    return this.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM messages WHERE role = ? AND at > ?', role, since).one().n;
  }

  count(): number {
    return this.sql.exec<{ n: number }>('SELECT COUNT(*) AS n FROM messages').one().n;
  }
}

function toWire(row: MessageRow): WireMessage {
  return {
    seq: row.seq,
    role: row.role as MessageRole,
    text: row.text,
    at: row.at,
    clientId: row.client_id,
    authorName: row.author_name,
    cards: JSON.parse(row.cards) as ProductCard[],
    prompt: row.prompt as WireMessage['prompt'],
  };
}
