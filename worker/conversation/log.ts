// The ordered message log and the conversation's own state, in the Durable Object's SQLite storage.
// Nothing lives only in memory: a hibernated or restarted object reads everything back from here.
import type { MessageRole, ProductCard, WireMessage, ConversationStatus } from '../protocol/widget';
import type { Channel } from '../db/schema';
import type { Participant } from './contract';

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
  /** An escalation waiting for an anonymous web-chat shopper to sign in or give an email. */
  pendingHandoff?: { reason: string; rule: string } | null;
  /** Where the conversation continues after a handoff: here, or by email (no human replies in chat). */
  continuation?: 'web_chat' | 'email' | null;
  /**
   * The unverified contact's profile (never counts as verified): the email-only profile of an email
   * participant or of an anonymous shopper who continued by email; the phone-only one on SMS/WhatsApp.
   */
  contactProfileId?: string | null;
  /** Email channel: the thread's subject (a handoff's ticket subject). */
  subject?: string | null;
  /** Who the channel identified (absent in meta written before channels existed: web chat). */
  participant?: Participant | null;
  /** The browser's primary language subtag, for routing rules. */
  language?: string | null;
  /** The helpdesk the current ticket went to. */
  helpdesk?: 'inbox' | 'zendesk' | 'gorgias' | null;
  /** Earlier tickets whose conversation moved to email: teammate replies to them never enter the chat. */
  emailTickets?: string[];
  /** When the handoff now running began (null when none runs): serialises handoffs without blocking the object. */
  handoffStartedAt?: number | null;
  /** A handoff decided (ticket id fixed) and not yet finished: the alarm runs it again until it is. */
  handoffRetry?: {
    escalation: { reason: string; rule: string };
    clientId: string | null;
    email: string | null;
    ticketId: string;
  } | null;
  /** Messages up to this seq were seen by the agent or a teammate with the conversation open (absent: none). */
  seenSeq?: number;
}

export interface NewMessage {
  role: MessageRole;
  text: string;
  clientId: string | null;
  authorName: string | null;
  cards: ProductCard[];
  prompt: WireMessage['prompt'];
  link?: string | null;
}

interface MessageRow extends Record<string, SqlStorageValue> {
  seq: number;
  role: string;
  text: string;
  client_id: string | null;
  author_name: string | null;
  cards: string;
  prompt: string | null;
  link: string | null;
  at: number;
}

export class ConversationLog {
  /**
   * The last seq and the number of messages, read once per wake-up and then kept in step by insert():
   * the log is append-only and this class its only writer, so the copy cannot drift (every input asks
   * for both, several times per message).
   */
  private tally: { lastSeq: number; count: number } | null = null;

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
      link TEXT,
      at INTEGER NOT NULL
    )`);
    // Objects created before the `link` column existed get it added once.
    const columns = sql.exec<{ name: string }>(`SELECT name FROM pragma_table_info('messages')`).toArray();
    if (!columns.some((c) => c.name === 'link')) sql.exec(`ALTER TABLE messages ADD COLUMN link TEXT`);
    // Which member wrote each teammate reply (kept out of the messages the shopper's widget receives):
    // the "replied meanwhile" check tells teammates apart by id, never by their display names.
    sql.exec(`CREATE TABLE IF NOT EXISTS message_authors (seq INTEGER PRIMARY KEY, author_id TEXT NOT NULL)`);
  }

  meta(): ConversationMeta | null {
    const row = this.sql.exec<{ data: string }>('SELECT data FROM meta WHERE id = 1').toArray()[0];
    return row ? (JSON.parse(row.data) as ConversationMeta) : null;
  }

  saveMeta(meta: ConversationMeta): void {
    this.sql.exec(
      'INSERT INTO meta (id, data) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data',
      JSON.stringify(meta),
    );
  }

  /** Stores a message the engine decided, with the seq it fixed (worker/conversation/engine.ts). */
  insert(message: WireMessage): void {
    this.sql.exec(
      `INSERT INTO messages (seq, role, text, client_id, author_name, cards, prompt, link, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      message.seq,
      message.role,
      message.text,
      message.clientId,
      message.authorName,
      JSON.stringify(message.cards),
      message.prompt,
      message.link ?? null,
      message.at,
    );
    const tally = this.counted();
    tally.lastSeq = Math.max(tally.lastSeq, message.seq);
    tally.count += 1;
  }

  /** The seq of the last message (0 when there is none). */
  lastSeq(): number {
    return this.counted().lastSeq;
  }

  byClientId(clientId: string): WireMessage | null {
    const row = this.sql.exec<MessageRow>('SELECT * FROM messages WHERE client_id = ?', clientId).toArray()[0];
    return row ? toWire(row) : null;
  }

  after(seq: number, limit = 500): WireMessage[] {
    return this.sql
      .exec<MessageRow>('SELECT * FROM messages WHERE seq > ? ORDER BY seq LIMIT ?', seq, limit)
      .toArray()
      .map(toWire);
  }

  /** Records the member who wrote the teammate reply the engine fixed at `seq` (stored in the same step). */
  recordAuthor(seq: number, authorId: string): void {
    this.sql.exec('INSERT OR REPLACE INTO message_authors (seq, author_id) VALUES (?, ?)', seq, authorId);
  }

  /**
   * The teammate replies after `seq`, oldest first, each with its author's member id — null where none
   * was recorded (a help desk's agent, or a reply stored before ids were kept).
   */
  humanRepliesAfter(seq: number): Array<{ authorId: string | null; authorName: string | null }> {
    return this.sql
      .exec<{ author_id: string | null; author_name: string | null }>(
        `SELECT a.author_id, m.author_name FROM messages m LEFT JOIN message_authors a ON a.seq = m.seq
         WHERE m.seq > ? AND m.role = 'human' ORDER BY m.seq`,
        seq,
      )
      .toArray()
      .map((r) => ({ authorId: r.author_id, authorName: r.author_name }));
  }

  firstShopperText(): string | null {
    const row = this.sql
      .exec<{ text: string }>(`SELECT text FROM messages WHERE role = 'shopper' ORDER BY seq LIMIT 1`)
      .toArray()[0];
    return row?.text ?? null;
  }

  countSince(role: MessageRole, since: number): number {
    return this.sql
      .exec<{ n: number }>('SELECT COUNT(*) AS n FROM messages WHERE role = ? AND at > ?', role, since)
      .one().n;
  }

  count(): number {
    return this.counted().count;
  }

  private counted(): { lastSeq: number; count: number } {
    this.tally ??= this.sql
      .exec<{ lastSeq: number | null; count: number }>('SELECT MAX(seq) AS lastSeq, COUNT(*) AS count FROM messages')
      .toArray()
      .map((r) => ({ lastSeq: r.lastSeq ?? 0, count: r.count }))[0]!;
    return this.tally;
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
    link: row.link,
  };
}
