// The performance dashboard's figures for one group (the whole range, a day or a channel), and the
// accumulator that collects them row by row.
import { median } from './range';
import type { Figures } from './performance-types';

export type { Figures };

export class Bucket {
  conversations = 0;
  resolved = 0;
  escalated = 0;
  declined = 0;
  resolutionSeconds: number[] = [];
  firstReplySeconds: number[] = [];
  tickets = 0;
  firstResponseSeconds: number[] = [];
  assignments = 0;
  reassignments = 0;
  ratings: number[] = [];

  figures(): Figures {
    const rate = (n: number) => (this.conversations ? round(n / this.conversations, 4) : null);
    const csatTotal = this.ratings.reduce((s, r) => s + r, 0);
    const med = (values: number[]) => {
      const m = median(values);
      return m === null ? null : round(m, 3); // millisecond precision: the agent answers in well under a second
    };
    return {
      conversations: this.conversations,
      resolved: this.resolved,
      escalated: this.escalated,
      declined: this.declined,
      resolutionRate: rate(this.resolved),
      escalationRate: rate(this.escalated),
      declinedRate: rate(this.declined),
      medianResolutionSeconds: med(this.resolutionSeconds),
      medianFirstReplySeconds: med(this.firstReplySeconds),
      tickets: this.tickets,
      medianFirstResponseSeconds: med(this.firstResponseSeconds),
      assignments: this.assignments,
      reassignments: this.reassignments,
      csatResponses: this.ratings.length,
      csatAverage: this.ratings.length ? round(csatTotal / this.ratings.length, 2) : null,
      csatSatisfied: this.ratings.length
        ? round(this.ratings.filter((r) => r >= 4).length / this.ratings.length, 4)
        : null,
    };
  }
}

/** Totals, and the same figures per day and per channel. */
export class Breakdown {
  readonly total = new Bucket();
  readonly days = new Map<string, Bucket>();
  readonly channels = new Map<string, Bucket>();

  constructor(days: string[], channels: readonly string[]) {
    for (const d of days) this.days.set(d, new Bucket());
    for (const c of channels) this.channels.set(c, new Bucket());
  }

  /** Applies `change` to the total, the row's day and the row's channel. */
  add(day: string, channel: string, change: (b: Bucket) => void): void {
    change(this.total);
    const d = this.days.get(day);
    if (d) change(d);
    let c = this.channels.get(channel);
    if (!c) this.channels.set(channel, (c = new Bucket()));
    change(c);
  }
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
