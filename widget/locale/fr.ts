// French. Same keys and {placeholders} as ./en.ts and ./phrases.ts.
import type { Locale } from './types';

export const fr: Locale = {
  strings: {
    open: 'Ouvrir le chat',
    closeChat: 'Fermer le chat',
    loadError: 'Le chat n’a pas pu se charger. Réessayez.',
    unreadOne: '1 message non lu',
    unreadMany: '{n} messages non lus',
    dialog: 'Discuter avec {agent}',
    close: 'Fermer',
    log: 'Conversation',
    message: 'Message',
    placeholder: 'Écrivez votre message…',
    send: 'Envoyer',
    attach: 'Joindre un fichier',
    attachFailed: 'Le fichier n’a pas été envoyé. Joignez une image ou un PDF de 5 Mo maximum.',
    talkToPerson: 'Parler à une personne',
    typing: '{name} est en train d’écrire…',
    you: 'Vous',
    sending: 'Envoi…',
    delivered: 'Distribué',
    seen: 'Vu',
    notSent: 'Non envoyé.',
    retry: 'Réessayer',
    confirmQuestion: 'Cela a-t-il répondu à votre question ?',
    yes: 'Oui',
    no: 'Non',
    thanks: 'Merci de nous l’avoir dit.',
    products: 'Produits recommandés',
    offline: 'Vous êtes hors ligne. Vos messages seront envoyés dès votre retour en ligne.',
    reconnecting: 'Reconnexion…',
    unreachable: 'Le chat est injoignable pour le moment. Nous continuons d’essayer.',
    unavailable: 'Le chat n’est pas disponible pour le moment. Réessayez plus tard.',
    tooFast: 'Vous envoyez des messages très vite. Patientez un instant.',
    failed: 'Un problème est survenu. Réessayez.',
    escalated: 'Une personne de notre équipe vous répondra ici.',
    byEmail: 'Notre équipe vous répondra par e-mail.',
    signIn: 'Se connecter',
    emailLabel: 'Adresse e-mail',
    continueByEmail: 'Continuer par e-mail',
    rate: 'Évaluer cette conversation',
    rateComment: 'Commentaire (facultatif)',
    rateSend: 'Envoyer l’évaluation',
    rateThanks: 'Merci pour votre avis !',
    rateFailed: 'Votre évaluation n’a pas été envoyée.',
    closed: 'Cette conversation est terminée. Envoyez un message pour en commencer une nouvelle.',
    defaultAgent: 'Assistance',
    defaultGreeting: 'Bonjour ! Comment pouvons-nous vous aider ?',
  },
  phrases: {
    "Sorry, I'm not sure I have the answer to that. I'm {agent}, the store's virtual assistant: you can rephrase your question, or talk to a person on our team.":
      'Désolé, je ne suis pas sûr d’avoir la réponse. Je suis {agent}, l’assistant virtuel de la boutique : vous pouvez reformuler votre question ou parler à une personne de notre équipe.',
    "I'm {agent}, this store's virtual assistant. I can answer questions about shipping, returns and payments, help you find the right product, check on your orders, and connect you with a person on our team whenever you like.":
      'Je suis {agent}, l’assistant virtuel de cette boutique. Je réponds aux questions sur la livraison, les retours et les paiements, je vous aide à trouver le bon produit, je suis vos commandes et je vous mets en relation avec une personne de notre équipe quand vous le souhaitez.',
    'Thanks for chatting with us. Have a great day!': 'Merci pour cet échange. Bonne journée !',
    "You're welcome! Is there anything else I can help you with?":
      'Avec plaisir ! Puis-je vous aider pour autre chose ?',
    'Great! Let me know if there is anything else I can help you with.':
      'Parfait ! Dites-moi si je peux vous aider pour autre chose.',
    "I'm doing well, thanks for asking! I'm {agent}. How can I help you today?":
      'Je vais bien, merci ! Je suis {agent}. Comment puis-je vous aider ?',
    "Hi! I'm {agent}. How can I help you today?": 'Bonjour ! Je suis {agent}. Comment puis-je vous aider ?',
    'Great, glad I could help!': 'Parfait, ravi d’avoir pu vous aider !',
    'Sorry that didn’t help. You can rephrase your question, or talk to a person.':
      'Désolé que cela n’ait pas aidé. Vous pouvez reformuler votre question ou parler à une personne.',
    'To talk to a person, sign in to your account, or leave your email address and our team will reply by email.':
      'Pour parler à une personne, connectez-vous à votre compte ou laissez votre adresse e-mail : notre équipe vous répondra par e-mail.',
    'To talk to a person, sign in to your account.': 'Pour parler à une personne, connectez-vous à votre compte.',
    'A teammate already has this conversation.': 'Un membre de notre équipe s’occupe déjà de cette conversation.',
    'How did we do? Rate your conversation from 1 to 5.':
      'Comment nous sommes-nous débrouillés ? Notez la conversation de 1 à 5.',
    "I'm handing you over to a person on our team.": 'Je vous mets en relation avec une personne de notre équipe.',
    'Our team will reply to {email} by email.': 'Notre équipe vous répondra par e-mail à {email}.',
    'Our team will reply by email.': 'Notre équipe vous répondra par e-mail.',
    'A teammate will reply here shortly.': 'Un membre de notre équipe vous répondra ici sous peu.',
    "We're offline until {when}; we'll reply here then.":
      'Nous sommes absents jusqu’à {when} ; nous vous répondrons ici à ce moment-là.',
    'Everyone on our team is busy right now; a teammate will reply here as soon as they can.':
      'Toute notre équipe est occupée pour le moment ; quelqu’un vous répondra ici dès que possible.',
    "Our team can't take chats right now. Email us at help@example.com and we'll get back to you.":
      'Notre équipe ne peut pas prendre de chats pour le moment. Écrivez-nous à help@example.com et nous vous répondrons.',
    "I can look that up once you're signed in. Please sign in at {url}, then ask me again.":
      'Je peux vérifier cela une fois que vous serez connecté. Connectez-vous sur {url}, puis posez-moi à nouveau la question.',
    "I can look that up once you're signed in. Please sign in to your account on this store, then ask me again.":
      'Je peux vérifier cela une fois que vous serez connecté. Connectez-vous à votre compte sur cette boutique, puis posez-moi à nouveau la question.',
    "I couldn't find any orders on your account. If you ordered as a guest or with another email, a person on our team can look it up for you.":
      'Je n’ai trouvé aucune commande sur votre compte. Si vous avez commandé en tant qu’invité ou avec une autre adresse e-mail, une personne de notre équipe peut vérifier pour vous.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply by email once it’s back.':
      'Notre service d’assistance ne peut pas recevoir de nouvelles demandes pour le moment. Votre demande est enregistrée et notre équipe vous répondra par e-mail dès son retour.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply here once it’s back.':
      'Notre service d’assistance ne peut pas recevoir de nouvelles demandes pour le moment. Votre demande est enregistrée et notre équipe vous répondra ici dès son retour.',
    'The teammate who will help you isn’t online right now; they’ll reply here when they’re back.':
      'La personne qui va vous aider n’est pas en ligne pour le moment ; elle vous répondra ici à son retour.',
    'No one on our team is online right now; a teammate will reply here when they’re back.':
      'Personne de notre équipe n’est en ligne pour le moment ; quelqu’un vous répondra ici à son retour.',
    'A teammate will reply here as soon as they can.': 'Un membre de notre équipe vous répondra ici dès que possible.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply to {email} by email once it’s back.':
      'Notre service d’assistance ne peut pas recevoir de nouvelles demandes pour le moment. Votre demande est enregistrée et notre équipe vous répondra par e-mail à {email} dès son retour.',
    'Here are some {what} you might like:': 'Cela pourrait vous plaire ({what}) :',
    'Here is one {what} you might like:': 'Cela pourrait vous plaire ({what}) :',
  },
};
