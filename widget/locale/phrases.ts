// The fixed sentences the Customer Agent and Baton itself send, in English, as templates ({name}
// stands for any text). A locale translates them in ./<code>.ts; the widget shows the translation of
// a message line that matches one of these exactly (../chat/i18n.ts), so the agent keeps writing
// English and nothing in worker/agent has to know about locales. A sentence missing here, or
// changed there, is simply shown in English.
export const PHRASES = [
  "Sorry, I'm not sure I have the answer to that. I'm {agent}, the store's virtual assistant: you can rephrase your question, or talk to a person on our team.",
  "I'm {agent}, this store's virtual assistant. I can answer questions about shipping, returns and payments, help you find the right product, check on your orders, and connect you with a person on our team whenever you like.",
  'Thanks for chatting with us. Have a great day!',
  "You're welcome! Is there anything else I can help you with?",
  'Great! Let me know if there is anything else I can help you with.',
  "I'm doing well, thanks for asking! I'm {agent}. How can I help you today?",
  "Hi! I'm {agent}. How can I help you today?",
  'Great, glad I could help!',
  'Sorry that didn’t help. You can rephrase your question, or talk to a person.',
  'To talk to a person, sign in to your account, or leave your email address and our team will reply by email.',
  'To talk to a person, sign in to your account.',
  'A teammate already has this conversation.',
  'How did we do? Rate your conversation from 1 to 5.',
  "I'm handing you over to a person on our team.",
  'Our team will reply to {email} by email.',
  'Our team will reply by email.',
  'A teammate will reply here shortly.',
  "We're offline until {when}; we'll reply here then.",
  'Everyone on our team is busy right now; a teammate will reply here as soon as they can.',
  "Our team can't take chats right now. Email us at help@example.com and we'll get back to you.",
  "I can look that up once you're signed in. Please sign in at {url}, then ask me again.",
  "I can look that up once you're signed in. Please sign in to your account on this store, then ask me again.",
  "I couldn't find any orders on your account. If you ordered as a guest or with another email, a person on our team can look it up for you.",
  'Our help desk can’t take new requests right now. Your request is saved, and our team will reply by email once it’s back.',
  'Our help desk can’t take new requests right now. Your request is saved, and our team will reply here once it’s back.',
  'The teammate who will help you isn’t online right now; they’ll reply here when they’re back.',
  'No one on our team is online right now; a teammate will reply here when they’re back.',
  'A teammate will reply here as soon as they can.',
  'Our help desk can’t take new requests right now. Your request is saved, and our team will reply to {email} by email once it’s back.',
  'Here are some {what} you might like:',
  'Here is one {what} you might like:',
] as const;

export type Phrase = (typeof PHRASES)[number];

/** A locale's translations of the phrases it covers (same {name} placeholders). */
export type PhraseTable = Partial<Record<Phrase, string>>;
