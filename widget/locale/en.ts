// Every piece of text a shopper sees, in English: the fallback the bundles carry and the shape every
// other locale (./<code>.ts) fills in. Strings are templates: {name} is replaced where they are used
// (see ../chat/i18n.ts). Only the chat bundle carries these (as its fallback); the loader shows no
// launcher before it has a config, whose strings it uses. Every locale, English included, travels with
// the widget config (worker/channels/web-chat/widget-config.ts), never in a bundle.

export const launcherStrings = {
  open: 'Open chat',
  closeChat: 'Close chat',
  loadError: 'Chat could not load. Try again.',
};

export const chatStrings = {
  unreadOne: '1 unread message',
  unreadMany: '{n} unread messages',
  dialog: 'Chat with {agent}',
  close: 'Close',
  log: 'Conversation',
  message: 'Message',
  placeholder: 'Type your message…',
  send: 'Send',
  attach: 'Attach a file',
  attachFailed: 'The file wasn’t sent. Attach an image or a PDF of up to 5 MB.',
  talkToPerson: 'Talk to a person',
  typing: '{name} is typing…',
  you: 'You',
  sending: 'Sending…',
  delivered: 'Delivered',
  seen: 'Seen',
  notSent: 'Not sent.',
  retry: 'Retry',
  confirmQuestion: 'Did that answer your question?',
  yes: 'Yes',
  no: 'No',
  thanks: 'Thanks for letting us know.',
  products: 'Recommended products',
  offline: 'You are offline. Your messages will be sent when you are back online.',
  reconnecting: 'Reconnecting…',
  unreachable: 'We can’t reach the chat right now. We’ll keep trying.',
  unavailable: 'Chat isn’t available right now. Please try again later.',
  tooFast: 'You’re sending messages very quickly. Please wait a moment.',
  failed: 'Something went wrong. Please try again.',
  escalated: 'A person from our team will reply here.',
  byEmail: 'Our team will reply by email.',
  signIn: 'Sign in',
  emailLabel: 'Email address',
  continueByEmail: 'Continue by email',
  rate: 'Rate this conversation',
  rateComment: 'Comment (optional)',
  rateSend: 'Send rating',
  rateThanks: 'Thanks for your feedback!',
  rateFailed: 'Your rating wasn’t sent.',
  closed: 'This conversation has ended. Send a message to start a new one.',
  defaultAgent: 'Support',
  defaultGreeting: 'Hi! How can we help you today?',
};

export type LauncherStrings = typeof launcherStrings;
export type ChatStrings = typeof chatStrings;
export type StringKey = keyof LauncherStrings | keyof ChatStrings;
/** One locale's UI strings: every key, as a template. */
export type Strings = Record<StringKey, string>;
