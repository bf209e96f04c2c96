// Shapes shared by the Customer Agent's skills and its entry point.
import type { Database } from '../db/client';
import type { ProductCard } from '../protocol/widget';
import type { AccountSettings } from '../settings/schema';
import type { Intent } from './intent';
import type { AnalyzedQuery } from './language/query';
import type { PriceRange } from './price';
import type { Retriever } from './retrieval/retriever';
import type { StoreIndex } from './retrieval/snapshot';

export type SkillName = 'answer' | 'recommend' | 'order_status' | 'smalltalk';
export type ReplyPrompt = 'confirm_resolution' | 'offer_human' | null;

/** What every skill gets: one shopper message in one account, already analysed once for all skills. */
export interface SkillInput {
  db: Database;
  accountId: string;
  settings: AccountSettings;
  text: string;
  /** Non-null only for a shopper with a verified identity token. */
  profileId: string | null;
  /** The account's content snapshot (one D1 query per turn, see retrieval/snapshot.ts). */
  index: StoreIndex;
  query: AnalyzedQuery;
  intent: Intent;
  range: PriceRange | null;
  retriever: Retriever;
  /** This deployment's public origin, for the article page link when no help centre is set. */
  publicOrigin: string | null;
}

/** A skill's proposed reply. Skills return null when the message is plainly not for them. */
export interface SkillResult {
  skill: SkillName;
  /** In [0, 1]; the entry point compares it with the account's threshold. */
  confidence: number;
  text: string;
  tags: string[];
  cards: ProductCard[];
  prompt: ReplyPrompt;
  /** True when the skill itself found nothing it can stand behind (counts as a miss). */
  missed?: boolean;
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
