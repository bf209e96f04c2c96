// Shapes shared by the Customer Agent's skills and its entry point.
import type { Database } from '../db/client';
import type { ProductCard } from '../protocol/widget';
import type { AccountSettings } from '../settings/schema';

export type SkillName = 'answer' | 'recommend' | 'order_status' | 'smalltalk';
export type ReplyPrompt = 'confirm_resolution' | 'offer_human' | null;

/** What every skill gets: one shopper message in one account. */
export interface SkillInput {
  db: Database;
  accountId: string;
  settings: AccountSettings;
  text: string;
  /** Non-null only for a shopper with a verified identity token. */
  profileId: string | null;
}

/** A skill's proposed reply. Skills return null when the message is plainly not for them. */
export interface SkillResult {
  skill: SkillName;
  /** In [0, 1]; the entry point picks the highest and compares it with the account's threshold. */
  confidence: number;
  text: string;
  tags: string[];
  cards: ProductCard[];
  prompt: ReplyPrompt;
  /** The article the reply answers from (answer skill), so callers and the eval can tell which. */
  source?: ArticleSource;
  /** Retrieved text an LLM may rephrase (answer skill only), and the link kept under any phrasing. */
  phrasing?: { passages: string[]; link: string | null };
}

/** A knowledge article an answer came from. */
export interface ArticleSource {
  id: string;
  title: string;
  url: string | null;
}
