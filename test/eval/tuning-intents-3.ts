// A third fresh batch on intents other than article answers (session 6, issue 10), written after the
// second batch's fixes and before running it: order status, product searches, small talk, asking for
// a person, out of scope and mixed intents, in new phrasings. Part of the tuning split from now on.
import type { EvalCase } from './cases';

export const TUNING_INTENTS_3: EvalCase[] = [
  // ── order status ──────────────────────────────────────────────────────────────────────────────
  { q: 'hi, just checking on the status of my recent order', expect: 'order' },
  { q: 'my delivery was supposed to come yesterday', expect: 'order' },
  { q: 'when will I receive my jacket?', expect: 'order' },
  { q: 'has anything been sent out for my order yet', expect: 'order' },
  { q: 'what is happening with my shipment', expect: 'order' },
  { q: 'I paid 5 days ago and still havent got a shipping email', expect: 'order' },
  { q: 'are my socks on their way', expect: 'order' },
  { q: 'how long until my order gets here', expect: 'order' },
  { q: 'Où est mon colis ?', expect: 'order' },
  { q: 'can you give me an update on order #20931', expect: 'order' },
  { q: 'parcel still not delivered after 9 days!!', expect: 'order' },
  { q: 'where is my tent i ordered it ages ago', expect: 'order' },

  // ── product search ────────────────────────────────────────────────────────────────────────────
  { q: 'do you have any rain jackets for kids', expect: { products: 'jackets' } },
  { q: 'which headlamp do you sell', expect: { products: 'accessories' } },
  { q: 'i need waterproof boots for a trek in iceland', expect: { products: 'hiking boots' } },
  { q: 'looking for a present for a friend who hikes, max $40', expect: { products: null } },
  { q: 'got any running tops', expect: { products: 't-shirts' } },
  { q: 'show me the lightest backpack you have', expect: { products: 'backpacks' } },
  { q: 'what jacket would you suggest for cold and windy days', expect: { products: 'jackets' } },
  { q: 'a warm layer to wear under my ski jacket', expect: { products: null } },
  { q: 'I want comfortable shoes for long runs', expect: { products: 'running shoes' } },
  { q: 'tienen tiendas de campaña para 4 personas?', expect: { products: 'tents' } },
  { q: 'thermal top', expect: { products: 'base layers' } },
  { q: 'what would be a good first tent for a beginner', expect: { products: 'tents' } },

  // ── small talk ────────────────────────────────────────────────────────────────────────────────
  { q: 'hey hey', expect: 'smalltalk' },
  { q: 'thanks so much, really appreciate it!', expect: 'smalltalk' },
  { q: 'who am I talking to?', expect: 'smalltalk' },
  { q: 'this is pointless', expect: 'smalltalk' },
  { q: 'perfect, that answers it', expect: 'smalltalk' },
  { q: 'good evening!', expect: 'smalltalk' },
  { q: 'ciao grazie', expect: 'smalltalk' },
  { q: "ok that's all for now, bye", expect: 'smalltalk' },
  { q: 'are you an actual person or a robot', expect: 'smalltalk' },
  { q: 'what are you able to help with?', expect: 'smalltalk' },

  // ── asking for a person ───────────────────────────────────────────────────────────────────────
  { q: 'can I get someone on the phone', expect: 'human' },
  { q: 'i demand to speak to a manager', expect: 'human' },
  { q: 'please connect me with an agent', expect: 'human' },
  { q: 'real person pls', expect: 'human' },
  { q: 'Je voudrais parler à quelqu’un', expect: 'human' },
  { q: 'Posso falar com um atendente?', expect: 'human' },
  { q: 'who can I talk to about a problem with my order', expect: 'human' },
  { q: 'I just want to talk to a human being', expect: 'human' },
  { q: 'your bot cant help, pass me to support', expect: 'human' },
  { q: 'is a live agent available?', expect: 'human' },

  // ── out of scope ──────────────────────────────────────────────────────────────────────────────
  { q: 'what is the best beach in california', expect: 'none' },
  { q: 'how do I make coffee while camping', expect: 'none' },
  { q: 'do you sell electric bikes', expect: 'none' },
  { q: 'will it snow in the mountains next week', expect: 'none' },
  { q: 'can you recommend a good podcast about running', expect: 'none' },
  { q: 'what is the capital of australia', expect: 'none' },
  { q: 'write a short story about a tent', expect: 'none' },
  { q: 'is ethereum going up', expect: 'none' },
  { q: 'do you sell swimsuits', expect: 'none' },
  { q: 'how do I tie a bowline knot', expect: 'none' },
  { q: 'whats the best hiking trail in utah', expect: 'none' },
  { q: 'can you book a campsite for me', expect: 'none' },
  { q: 'who is your ceo', expect: 'none' },
  { q: 'how long does it take to hike the appalachian trail', expect: 'none' },
  { q: 'do you sell fishing gear', expect: 'none' },

  // ── mixed intents ─────────────────────────────────────────────────────────────────────────────
  {
    q: 'my headlamp stopped working after a week, is it under warranty',
    expect: { article: 'warranty-on-apparel-and-gear' },
  },
  { q: 'can I return a tent if I already used it', expect: { article: 'items-that-cannot-be-returned' } },
  { q: 'my boots are too small, can I swap for a bigger size', expect: { article: 'returns-and-exchanges' } },
  { q: 'do you ship jackets to the uk', expect: { article: 'international-shipping' } },
  { q: 'how do I wash my rain jacket', expect: { article: 'caring-for-waterproof-jackets' } },
  { q: 'is there a student discount on running shoes', expect: { article: 'student-discount' } },
];
