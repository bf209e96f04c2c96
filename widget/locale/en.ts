// Every piece of text a shopper sees or hears, in English. Add a language by copying this file and
// keeping the same shape (`LauncherStrings`, `ChatStrings`). The loader imports only `launcher`,
// so the chat strings never weigh on the 2 KB loader.

export const launcher = {
  open: 'Open chat',
  close: 'Close chat',
  loadError: 'Chat could not load. Try again.',
};
export type LauncherStrings = typeof launcher;

export const chat = {
  unread: (n: number) => (n === 1 ? '1 unread message' : `${n} unread messages`),
  dialog: (agent: string) => `Chat with ${agent}`,
  close: 'Close',
  log: 'Conversation',
  message: 'Message',
  placeholder: 'Type your message…',
  send: 'Send',
  talkToPerson: 'Talk to a person',
  typing: (agent: string) => `${agent} is typing…`,
  you: 'You',
  sending: 'Sending…',
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
export type ChatStrings = typeof chat;
