// What the demo's dozen tickets say and where they end up (worker/demo/tickets.ts plays them).
import type { Channel, TicketStatus } from '../db/schema';

export interface DemoTicket {
  channel: Channel;
  name: string;
  email: string;
  /** What the shopper tells the Customer Agent before a person takes over. */
  shopper: string[];
  /** The team member's name (the demo store's, worker/db/seed.ts), or null: left in Unassigned. */
  assignee: string | null;
  tags: string[];
  /** Teammate replies, in order. */
  replies: string[];
  /** The shopper's answer after the replies. */
  followUp?: string;
  status: TicketStatus;
  rating?: { score: number; comment: string | null };
  /**
   * How long ago (minutes) the ticket arrived, still waiting for a first reply: its arrival and its
   * first-reply due time (the store's SLA) are set that far back, so the inbox shows "Reply due soon"
   * and "SLA breached" on a fresh demo (every other ticket arrives as it is played).
   */
  waitedMinutes?: number;
}

export const DEMO_TICKETS: readonly DemoTicket[] = [
  {
    channel: 'web_chat',
    name: 'Emma Wilson',
    email: 'emma.wilson@example.com',
    shopper: ['Where is my order? It was supposed to arrive on Monday and tracking has not moved in four days.'],
    assignee: 'Maya',
    tags: ['shipping'],
    replies: [
      'Hi Emma, I checked with the carrier: your parcel is at the local depot and goes out for delivery tomorrow morning.',
    ],
    followUp: 'Thanks! Will I get a text when it is out for delivery?',
    status: 'open',
  },
  {
    channel: 'email',
    name: 'Liam Chen',
    email: 'liam.chen@example.com',
    shopper: ['Can I exchange the trail running shoes for a size 10? The 9 is too tight at the toes.'],
    assignee: null,
    tags: ['exchange'],
    replies: [],
    status: 'open',
  },
  {
    channel: 'sms',
    name: 'Sofia Rossi',
    email: 'sofia.rossi@example.com',
    shopper: ['I was charged twice for the same order and my bank says I should file a chargeback.'],
    assignee: null,
    tags: ['billing'],
    replies: [],
    status: 'open',
    waitedMinutes: 150, // past the 60-minute first-reply target: SLA breached
  },
  {
    channel: 'whatsapp',
    name: 'Noah Patel',
    email: 'noah.patel@example.com',
    shopper: ['Do you ship the insulated water bottle to Canada?', 'And how long does customs usually take?'],
    assignee: 'Leo',
    tags: ['shipping', 'international'],
    replies: [
      'Hi Noah, yes we ship to Canada: 5–8 business days, and duties are included at checkout so customs is quick.',
    ],
    status: 'pending',
  },
  {
    channel: 'web_chat',
    name: 'Olivia Brown',
    email: 'olivia.brown@example.com',
    shopper: ['The zipper on my rain jacket broke after two weeks. I would like a replacement please.'],
    assignee: 'Ana',
    tags: ['returns', 'defect'],
    replies: [
      'So sorry about that, Olivia. I have sent you a prepaid return label; the replacement ships as soon as the carrier scans it.',
    ],
    status: 'closed',
    rating: { score: 5, comment: 'Quick and friendly, thank you!' },
  },
  {
    channel: 'email',
    name: 'Lucas Martin',
    email: 'lucas.martin@example.com',
    shopper: ['My discount code WELCOME10 says it is expired but I signed up yesterday.'],
    assignee: 'Maya',
    tags: ['discount'],
    replies: ['Hi Lucas, the code had a one-day window by mistake. I have applied the 10% to your order manually.'],
    status: 'closed',
    rating: { score: 4, comment: null },
  },
  {
    channel: 'sms',
    name: 'Mia Johnson',
    email: 'mia.johnson@example.com',
    shopper: ['Hi, I need to change the delivery address on my order, I am moving this weekend.'],
    assignee: 'Leo',
    tags: ['shipping'],
    replies: [],
    status: 'open',
    waitedMinutes: 45, // due within the next 30 minutes: Reply due soon
  },
  {
    channel: 'web_chat',
    name: 'Ethan Garcia',
    email: 'ethan.garcia@example.com',
    shopper: ['Someone used my stolen card to place an order on my account!'],
    assignee: null,
    tags: ['security'],
    replies: [],
    status: 'open',
  },
  {
    channel: 'whatsapp',
    name: 'Ava Müller',
    email: 'ava.mueller@example.com',
    shopper: ['Is the merino hoodie true to size? I am usually a medium.'],
    assignee: 'Ana',
    tags: ['sizing'],
    replies: ['Hi Ava, it runs slightly large: most people who wear a medium take a small in the hoodie.'],
    status: 'closed',
    rating: { score: 2, comment: 'The answer took two days.' },
  },
  {
    channel: 'email',
    name: 'James Kim',
    email: 'james.kim@example.com',
    shopper: ['I returned the backpack three weeks ago and still have not received my refund.'],
    assignee: 'Sam Support',
    tags: ['returns', 'refund'],
    replies: [
      'Hi James, the warehouse received it last week. The refund was issued today and should reach your card in 3–5 days.',
    ],
    followUp: 'Okay, I will keep an eye out. Thanks.',
    status: 'pending',
  },
  {
    channel: 'web_chat',
    name: 'Chloé Dubois',
    email: 'chloe.dubois@example.com',
    shopper: ['Can I buy a gift card and have it emailed to my sister on her birthday?'],
    assignee: null,
    tags: [],
    replies: [],
    status: 'open',
  },
  {
    channel: 'sms',
    name: 'Daniel Novak',
    email: 'daniel.novak@example.com',
    shopper: ['Wrong colour delivered: I ordered the navy tent and got the orange one.'],
    assignee: 'Maya',
    tags: ['returns', 'wrong-item'],
    replies: [
      'Sorry Daniel! The navy one is on its way with express shipping, and the courier will pick up the orange one at the same time.',
    ],
    status: 'closed',
    rating: { score: 5, comment: 'Great service.' },
  },
];
