// German. Same keys and {placeholders} as ./en.ts and ./phrases.ts.
import type { Locale } from './types';

export const de: Locale = {
  strings: {
    open: 'Chat öffnen',
    closeChat: 'Chat schließen',
    loadError: 'Der Chat konnte nicht geladen werden. Bitte erneut versuchen.',
    unreadOne: '1 ungelesene Nachricht',
    unreadMany: '{n} ungelesene Nachrichten',
    dialog: 'Chat mit {agent}',
    close: 'Schließen',
    log: 'Unterhaltung',
    message: 'Nachricht',
    placeholder: 'Nachricht eingeben…',
    send: 'Senden',
    attach: 'Datei anhängen',
    attachFailed: 'Die Datei wurde nicht gesendet. Hängen Sie ein Bild oder ein PDF mit höchstens 5 MB an.',
    talkToPerson: 'Mit einem Menschen sprechen',
    typing: '{name} schreibt…',
    you: 'Sie',
    sending: 'Wird gesendet…',
    delivered: 'Zugestellt',
    seen: 'Gelesen',
    notSent: 'Nicht gesendet.',
    retry: 'Erneut versuchen',
    confirmQuestion: 'Hat das Ihre Frage beantwortet?',
    yes: 'Ja',
    no: 'Nein',
    thanks: 'Danke für Ihre Rückmeldung.',
    products: 'Empfohlene Produkte',
    offline: 'Sie sind offline. Ihre Nachrichten werden gesendet, sobald Sie wieder online sind.',
    reconnecting: 'Verbindung wird wiederhergestellt…',
    unreachable: 'Der Chat ist gerade nicht erreichbar. Wir versuchen es weiter.',
    unavailable: 'Der Chat ist gerade nicht verfügbar. Bitte versuchen Sie es später noch einmal.',
    tooFast: 'Sie senden sehr schnell Nachrichten. Bitte warten Sie einen Moment.',
    failed: 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
    escalated: 'Eine Person aus unserem Team antwortet Ihnen hier.',
    byEmail: 'Unser Team antwortet Ihnen per E-Mail.',
    signIn: 'Anmelden',
    emailLabel: 'E-Mail-Adresse',
    continueByEmail: 'Per E-Mail fortfahren',
    rate: 'Unterhaltung bewerten',
    rateComment: 'Kommentar (optional)',
    rateSend: 'Bewertung senden',
    rateThanks: 'Danke für Ihr Feedback!',
    rateFailed: 'Ihre Bewertung wurde nicht gesendet.',
    closed: 'Diese Unterhaltung ist beendet. Senden Sie eine Nachricht, um eine neue zu beginnen.',
    defaultAgent: 'Support',
    defaultGreeting: 'Hallo! Wie können wir Ihnen heute helfen?',
  },
  phrases: {
    "Sorry, I'm not sure I have the answer to that. I'm {agent}, the store's virtual assistant: you can rephrase your question, or talk to a person on our team.":
      'Entschuldigung, darauf habe ich wohl keine Antwort. Ich bin {agent}, der virtuelle Assistent des Shops: Sie können Ihre Frage anders formulieren oder mit einer Person aus unserem Team sprechen.',
    "I'm {agent}, this store's virtual assistant. I can answer questions about shipping, returns and payments, help you find the right product, check on your orders, and connect you with a person on our team whenever you like.":
      'Ich bin {agent}, der virtuelle Assistent dieses Shops. Ich beantworte Fragen zu Versand, Rücksendungen und Zahlung, helfe Ihnen, das richtige Produkt zu finden, sehe nach Ihren Bestellungen und verbinde Sie jederzeit mit einer Person aus unserem Team.',
    'Thanks for chatting with us. Have a great day!': 'Danke für das Gespräch. Einen schönen Tag noch!',
    "You're welcome! Is there anything else I can help you with?": 'Gern geschehen! Kann ich Ihnen sonst noch helfen?',
    'Great! Let me know if there is anything else I can help you with.':
      'Prima! Sagen Sie Bescheid, wenn ich Ihnen noch bei etwas helfen kann.',
    "I'm doing well, thanks for asking! I'm {agent}. How can I help you today?":
      'Mir geht es gut, danke der Nachfrage! Ich bin {agent}. Wie kann ich Ihnen heute helfen?',
    "Hi! I'm {agent}. How can I help you today?": 'Hallo! Ich bin {agent}. Wie kann ich Ihnen heute helfen?',
    'Great, glad I could help!': 'Schön, dass ich helfen konnte!',
    'Sorry that didn’t help. You can rephrase your question, or talk to a person.':
      'Schade, dass das nicht geholfen hat. Sie können Ihre Frage anders formulieren oder mit einem Menschen sprechen.',
    'To talk to a person, sign in to your account, or leave your email address and our team will reply by email.':
      'Um mit einer Person zu sprechen, melden Sie sich in Ihrem Konto an oder hinterlassen Sie Ihre E-Mail-Adresse; unser Team antwortet dann per E-Mail.',
    'To talk to a person, sign in to your account.':
      'Um mit einer Person zu sprechen, melden Sie sich in Ihrem Konto an.',
    'A teammate already has this conversation.': 'Jemand aus unserem Team kümmert sich bereits um diese Unterhaltung.',
    'How did we do? Rate your conversation from 1 to 5.':
      'Wie war unser Service? Bewerten Sie die Unterhaltung von 1 bis 5.',
    "I'm handing you over to a person on our team.": 'Ich verbinde Sie mit einer Person aus unserem Team.',
    'Our team will reply to {email} by email.': 'Unser Team antwortet Ihnen per E-Mail an {email}.',
    'Our team will reply by email.': 'Unser Team antwortet Ihnen per E-Mail.',
    'A teammate will reply here shortly.': 'Jemand aus unserem Team antwortet Ihnen hier in Kürze.',
    "We're offline until {when}; we'll reply here then.":
      'Wir sind bis {when} nicht erreichbar und antworten Ihnen dann hier.',
    'Everyone on our team is busy right now; a teammate will reply here as soon as they can.':
      'Unser Team ist gerade beschäftigt; jemand antwortet Ihnen hier, sobald es geht.',
    "Our team can't take chats right now. Email us at help@example.com and we'll get back to you.":
      'Unser Team kann gerade keine Chats annehmen. Schreiben Sie uns an help@example.com, wir melden uns.',
    "I can look that up once you're signed in. Please sign in at {url}, then ask me again.":
      'Das kann ich nachsehen, sobald Sie angemeldet sind. Bitte melden Sie sich unter {url} an und fragen Sie mich dann noch einmal.',
    "I can look that up once you're signed in. Please sign in to your account on this store, then ask me again.":
      'Das kann ich nachsehen, sobald Sie angemeldet sind. Bitte melden Sie sich in Ihrem Konto in diesem Shop an und fragen Sie mich dann noch einmal.',
    "I couldn't find any orders on your account. If you ordered as a guest or with another email, a person on our team can look it up for you.":
      'Ich habe in Ihrem Konto keine Bestellungen gefunden. Wenn Sie als Gast oder mit einer anderen E-Mail-Adresse bestellt haben, kann eine Person aus unserem Team nachsehen.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply by email once it’s back.':
      'Unser Helpdesk kann gerade keine neuen Anfragen annehmen. Ihre Anfrage ist gespeichert; unser Team antwortet Ihnen per E-Mail, sobald er wieder verfügbar ist.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply here once it’s back.':
      'Unser Helpdesk kann gerade keine neuen Anfragen annehmen. Ihre Anfrage ist gespeichert; unser Team antwortet Ihnen hier, sobald er wieder verfügbar ist.',
    'The teammate who will help you isn’t online right now; they’ll reply here when they’re back.':
      'Die Person, die Ihnen helfen wird, ist gerade nicht online; sie antwortet Ihnen hier, sobald sie zurück ist.',
    'No one on our team is online right now; a teammate will reply here when they’re back.':
      'Gerade ist niemand aus unserem Team online; jemand antwortet Ihnen hier, sobald wir zurück sind.',
    'A teammate will reply here as soon as they can.': 'Jemand aus unserem Team antwortet Ihnen hier, sobald es geht.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply to {email} by email once it’s back.':
      'Unser Helpdesk kann gerade keine neuen Anfragen annehmen. Ihre Anfrage ist gespeichert; unser Team antwortet Ihnen per E-Mail an {email}, sobald er wieder verfügbar ist.',
    'Here are some {what} you might like:': 'Das könnte Ihnen gefallen ({what}):',
    'Here is one {what} you might like:': 'Das könnte Ihnen gefallen ({what}):',
  },
};
