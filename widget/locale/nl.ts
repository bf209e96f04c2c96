// Dutch. Same keys and {placeholders} as ./en.ts and ./phrases.ts.
import type { Locale } from './types';

export const nl: Locale = {
  strings: {
    open: 'Chat openen',
    closeChat: 'Chat sluiten',
    loadError: 'De chat kon niet worden geladen. Probeer het opnieuw.',
    unreadOne: '1 ongelezen bericht',
    unreadMany: '{n} ongelezen berichten',
    dialog: 'Chat met {agent}',
    close: 'Sluiten',
    log: 'Gesprek',
    message: 'Bericht',
    placeholder: 'Typ je bericht…',
    send: 'Versturen',
    attach: 'Bestand bijvoegen',
    attachFailed: 'Het bestand is niet verstuurd. Voeg een afbeelding of pdf van maximaal 5 MB toe.',
    talkToPerson: 'Met een persoon praten',
    typing: '{name} is aan het typen…',
    you: 'Jij',
    sending: 'Versturen…',
    delivered: 'Bezorgd',
    seen: 'Gelezen',
    notSent: 'Niet verstuurd.',
    retry: 'Opnieuw proberen',
    confirmQuestion: 'Heeft dit je vraag beantwoord?',
    yes: 'Ja',
    no: 'Nee',
    thanks: 'Bedankt voor je reactie.',
    products: 'Aanbevolen producten',
    offline: 'Je bent offline. Je berichten worden verstuurd zodra je weer online bent.',
    reconnecting: 'Opnieuw verbinden…',
    unreachable: 'We kunnen de chat nu niet bereiken. We blijven het proberen.',
    unavailable: 'De chat is nu niet beschikbaar. Probeer het later opnieuw.',
    tooFast: 'Je verstuurt heel snel berichten. Wacht even.',
    failed: 'Er ging iets mis. Probeer het opnieuw.',
    escalated: 'Iemand van ons team antwoordt je hier.',
    byEmail: 'Ons team antwoordt je per e-mail.',
    signIn: 'Inloggen',
    emailLabel: 'E-mailadres',
    continueByEmail: 'Verder per e-mail',
    rate: 'Beoordeel dit gesprek',
    rateComment: 'Opmerking (optioneel)',
    rateSend: 'Beoordeling versturen',
    rateThanks: 'Bedankt voor je feedback!',
    rateFailed: 'Je beoordeling is niet verstuurd.',
    closed: 'Dit gesprek is beëindigd. Stuur een bericht om een nieuw gesprek te beginnen.',
    defaultAgent: 'Klantenservice',
    defaultGreeting: 'Hoi! Waarmee kunnen we je helpen?',
  },
  phrases: {
    "Sorry, I'm not sure I have the answer to that. I'm {agent}, the store's virtual assistant: you can rephrase your question, or talk to a person on our team.":
      'Sorry, ik weet niet zeker of ik daar het antwoord op heb. Ik ben {agent}, de virtuele assistent van de winkel: je kunt je vraag anders stellen of met iemand van ons team praten.',
    "I'm {agent}, this store's virtual assistant. I can answer questions about shipping, returns and payments, help you find the right product, check on your orders, and connect you with a person on our team whenever you like.":
      'Ik ben {agent}, de virtuele assistent van deze winkel. Ik beantwoord vragen over verzending, retourneren en betalen, help je het juiste product te vinden, kijk naar je bestellingen en breng je in contact met iemand van ons team wanneer je wilt.',
    'Thanks for chatting with us. Have a great day!': 'Bedankt voor het gesprek. Nog een fijne dag!',
    "You're welcome! Is there anything else I can help you with?":
      'Graag gedaan! Kan ik je nog ergens anders mee helpen?',
    'Great! Let me know if there is anything else I can help you with.':
      'Top! Laat het weten als ik je nog ergens mee kan helpen.',
    "I'm doing well, thanks for asking! I'm {agent}. How can I help you today?":
      'Goed, bedankt voor het vragen! Ik ben {agent}. Waarmee kan ik je helpen?',
    "Hi! I'm {agent}. How can I help you today?": 'Hoi! Ik ben {agent}. Waarmee kan ik je helpen?',
    'Great, glad I could help!': 'Fijn dat ik kon helpen!',
    'Sorry that didn’t help. You can rephrase your question, or talk to a person.':
      'Jammer dat dit niet hielp. Je kunt je vraag anders stellen of met een persoon praten.',
    'To talk to a person, sign in to your account, or leave your email address and our team will reply by email.':
      'Om met een persoon te praten, log je in op je account of laat je je e-mailadres achter; ons team antwoordt dan per e-mail.',
    'To talk to a person, sign in to your account.': 'Log in op je account om met een medewerker te praten.',
    'A teammate already has this conversation.': 'Iemand van ons team helpt je al in dit gesprek.',
    'How did we do? Rate your conversation from 1 to 5.':
      'Hoe hebben we het gedaan? Geef het gesprek een cijfer van 1 tot 5.',
    "I'm handing you over to a person on our team.": 'Ik verbind je door met iemand van ons team.',
    'Our team will reply to {email} by email.': 'Ons team antwoordt je per e-mail op {email}.',
    'Our team will reply by email.': 'Ons team antwoordt je per e-mail.',
    'A teammate will reply here shortly.': 'Iemand van ons team antwoordt je hier zo.',
    "We're offline until {when}; we'll reply here then.":
      'We zijn niet bereikbaar tot {when}; dan antwoorden we je hier.',
    'Everyone on our team is busy right now; a teammate will reply here as soon as they can.':
      'Ons hele team is nu bezig; iemand antwoordt je hier zo snel mogelijk.',
    "Our team can't take chats right now. Email us at help@example.com and we'll get back to you.":
      'Ons team kan nu geen chats aannemen. Mail ons op help@example.com, dan nemen we contact met je op.',
    "I can look that up once you're signed in. Please sign in at {url}, then ask me again.":
      'Dat kan ik opzoeken zodra je bent ingelogd. Log in via {url} en vraag het me dan opnieuw.',
    "I can look that up once you're signed in. Please sign in to your account on this store, then ask me again.":
      'Dat kan ik opzoeken zodra je bent ingelogd. Log in op je account in deze winkel en vraag het me dan opnieuw.',
    "I couldn't find any orders on your account. If you ordered as a guest or with another email, a person on our team can look it up for you.":
      'Ik vond geen bestellingen op je account. Heb je als gast of met een ander e-mailadres besteld, dan kan iemand van ons team het voor je opzoeken.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply by email once it’s back.':
      'Onze helpdesk kan nu geen nieuwe verzoeken aannemen. Je verzoek is bewaard en ons team antwoordt je per e-mail zodra die weer werkt.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply here once it’s back.':
      'Onze helpdesk kan nu geen nieuwe verzoeken aannemen. Je verzoek is bewaard en ons team antwoordt je hier zodra die weer werkt.',
    'The teammate who will help you isn’t online right now; they’ll reply here when they’re back.':
      'Degene die je gaat helpen is nu niet online; diegene antwoordt je hier zodra die terug is.',
    'No one on our team is online right now; a teammate will reply here when they’re back.':
      'Er is nu niemand van ons team online; iemand antwoordt je hier zodra we terug zijn.',
    'A teammate will reply here as soon as they can.': 'Iemand van ons team antwoordt je hier zo snel mogelijk.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply to {email} by email once it’s back.':
      'Onze helpdesk kan nu geen nieuwe verzoeken aannemen. Je verzoek is bewaard en ons team antwoordt je per e-mail op {email} zodra die weer werkt.',
    'Here are some {what} you might like:': 'Misschien vind je dit leuk ({what}):',
    'Here is one {what} you might like:': 'Misschien vind je dit leuk ({what}):',
  },
};
