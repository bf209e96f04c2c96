// Italian. Same keys and {placeholders} as ./en.ts and ./phrases.ts.
import type { Locale } from './types';

export const it: Locale = {
  strings: {
    open: 'Apri la chat',
    closeChat: 'Chiudi la chat',
    loadError: 'Impossibile caricare la chat. Riprova.',
    unreadOne: '1 messaggio non letto',
    unreadMany: '{n} messaggi non letti',
    dialog: 'Chat con {agent}',
    close: 'Chiudi',
    log: 'Conversazione',
    message: 'Messaggio',
    placeholder: 'Scrivi il tuo messaggio…',
    send: 'Invia',
    attach: 'Allega un file',
    attachFailed: 'Il file non è stato inviato. Allega un’immagine o un PDF di massimo 5 MB.',
    talkToPerson: 'Parla con una persona',
    typing: '{name} sta scrivendo…',
    you: 'Tu',
    sending: 'Invio…',
    delivered: 'Consegnato',
    seen: 'Visto',
    notSent: 'Non inviato.',
    retry: 'Riprova',
    confirmQuestion: 'Questo ha risposto alla tua domanda?',
    yes: 'Sì',
    no: 'No',
    thanks: 'Grazie per avercelo detto.',
    products: 'Prodotti consigliati',
    offline: 'Sei offline. I tuoi messaggi verranno inviati quando tornerai online.',
    reconnecting: 'Riconnessione…',
    unreachable: 'Non riusciamo a raggiungere la chat in questo momento. Continueremo a provare.',
    unavailable: 'La chat non è disponibile in questo momento. Riprova più tardi.',
    tooFast: 'Stai inviando messaggi molto velocemente. Attendi un momento.',
    failed: 'Qualcosa è andato storto. Riprova.',
    escalated: 'Una persona del nostro team ti risponderà qui.',
    byEmail: 'Il nostro team ti risponderà via email.',
    signIn: 'Accedi',
    emailLabel: 'Indirizzo email',
    continueByEmail: 'Continua via email',
    rate: 'Valuta questa conversazione',
    rateComment: 'Commento (facoltativo)',
    rateSend: 'Invia valutazione',
    rateThanks: 'Grazie per il tuo feedback!',
    rateFailed: 'La tua valutazione non è stata inviata.',
    closed: 'Questa conversazione è terminata. Invia un messaggio per iniziarne una nuova.',
    defaultAgent: 'Assistenza',
    defaultGreeting: 'Ciao! Come possiamo aiutarti oggi?',
  },
  phrases: {
    "Sorry, I'm not sure I have the answer to that. I'm {agent}, the store's virtual assistant: you can rephrase your question, or talk to a person on our team.":
      'Mi dispiace, non sono sicuro di avere la risposta. Sono {agent}, l’assistente virtuale del negozio: puoi riformulare la domanda o parlare con una persona del nostro team.',
    "I'm {agent}, this store's virtual assistant. I can answer questions about shipping, returns and payments, help you find the right product, check on your orders, and connect you with a person on our team whenever you like.":
      'Sono {agent}, l’assistente virtuale di questo negozio. Rispondo a domande su spedizioni, resi e pagamenti, ti aiuto a trovare il prodotto giusto, controllo i tuoi ordini e ti metto in contatto con una persona del nostro team quando vuoi.',
    'Thanks for chatting with us. Have a great day!': 'Grazie per aver chattato con noi. Buona giornata!',
    "You're welcome! Is there anything else I can help you with?": 'Prego! Posso aiutarti con qualcos’altro?',
    'Great! Let me know if there is anything else I can help you with.':
      'Perfetto! Fammi sapere se posso aiutarti con qualcos’altro.',
    "I'm doing well, thanks for asking! I'm {agent}. How can I help you today?":
      'Sto bene, grazie! Sono {agent}. Come posso aiutarti oggi?',
    "Hi! I'm {agent}. How can I help you today?": 'Ciao! Sono {agent}. Come posso aiutarti oggi?',
    'Great, glad I could help!': 'Perfetto, felice di esserti stato utile!',
    'Sorry that didn’t help. You can rephrase your question, or talk to a person.':
      'Mi dispiace che non sia stato utile. Puoi riformulare la domanda o parlare con una persona.',
    'To talk to a person, sign in to your account, or leave your email address and our team will reply by email.':
      'Per parlare con una persona, accedi al tuo account oppure lascia il tuo indirizzo email e il nostro team ti risponderà via email.',
    'To talk to a person, sign in to your account.': 'Per parlare con una persona, accedi al tuo account.',
    'A teammate already has this conversation.': 'Una persona del nostro team sta già seguendo questa conversazione.',
    'How did we do? Rate your conversation from 1 to 5.': 'Come ci siamo comportati? Valuta la conversazione da 1 a 5.',
    "I'm handing you over to a person on our team.": 'Ti passo a una persona del nostro team.',
    'Our team will reply to {email} by email.': 'Il nostro team ti risponderà via email a {email}.',
    'Our team will reply by email.': 'Il nostro team ti risponderà via email.',
    'A teammate will reply here shortly.': 'Una persona del nostro team ti risponderà qui a breve.',
    "We're offline until {when}; we'll reply here then.":
      'Non siamo disponibili fino a {when}; ti risponderemo qui allora.',
    'Everyone on our team is busy right now; a teammate will reply here as soon as they can.':
      'Tutto il nostro team è occupato in questo momento; qualcuno ti risponderà qui appena possibile.',
    "Our team can't take chats right now. Email us at help@example.com and we'll get back to you.":
      'Il nostro team non può rispondere in chat in questo momento. Scrivici a help@example.com e ti ricontatteremo.',
    "I can look that up once you're signed in. Please sign in at {url}, then ask me again.":
      'Posso controllare dopo che avrai effettuato l’accesso. Accedi su {url} e poi chiedimelo di nuovo.',
    "I can look that up once you're signed in. Please sign in to your account on this store, then ask me again.":
      'Posso controllare dopo che avrai effettuato l’accesso. Accedi al tuo account su questo negozio e poi chiedimelo di nuovo.',
    "I couldn't find any orders on your account. If you ordered as a guest or with another email, a person on our team can look it up for you.":
      'Non ho trovato ordini nel tuo account. Se hai ordinato come ospite o con un’altra email, una persona del nostro team può controllare per te.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply by email once it’s back.':
      'Il nostro helpdesk non può ricevere nuove richieste in questo momento. La tua richiesta è salvata e il nostro team ti risponderà via email appena sarà di nuovo disponibile.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply here once it’s back.':
      'Il nostro helpdesk non può ricevere nuove richieste in questo momento. La tua richiesta è salvata e il nostro team ti risponderà qui appena sarà di nuovo disponibile.',
    'The teammate who will help you isn’t online right now; they’ll reply here when they’re back.':
      'La persona che ti aiuterà non è online in questo momento; ti risponderà qui quando tornerà.',
    'No one on our team is online right now; a teammate will reply here when they’re back.':
      'Nessuno del nostro team è online in questo momento; qualcuno ti risponderà qui al suo ritorno.',
    'A teammate will reply here as soon as they can.':
      'Una persona del nostro team ti risponderà qui appena possibile.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply to {email} by email once it’s back.':
      'Il nostro helpdesk non può ricevere nuove richieste in questo momento. La tua richiesta è salvata e il nostro team ti risponderà via email a {email} appena sarà di nuovo disponibile.',
    'Here are some {what} you might like:': 'Potrebbe piacerti ({what}):',
    'Here is one {what} you might like:': 'Potrebbe piacerti ({what}):',
  },
};
