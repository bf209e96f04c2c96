// Spanish. Same keys and {placeholders} as ./en.ts and ./phrases.ts.
import type { Locale } from './types';

export const es: Locale = {
  strings: {
    open: 'Abrir chat',
    closeChat: 'Cerrar chat',
    loadError: 'No se pudo cargar el chat. Inténtalo de nuevo.',
    unreadOne: '1 mensaje sin leer',
    unreadMany: '{n} mensajes sin leer',
    dialog: 'Chat con {agent}',
    close: 'Cerrar',
    log: 'Conversación',
    message: 'Mensaje',
    placeholder: 'Escribe tu mensaje…',
    send: 'Enviar',
    attach: 'Adjuntar un archivo',
    attachFailed: 'El archivo no se envió. Adjunta una imagen o un PDF de hasta 5 MB.',
    talkToPerson: 'Hablar con una persona',
    typing: '{name} está escribiendo…',
    you: 'Tú',
    sending: 'Enviando…',
    delivered: 'Entregado',
    seen: 'Visto',
    notSent: 'No enviado.',
    retry: 'Reintentar',
    confirmQuestion: '¿Eso respondió a tu pregunta?',
    yes: 'Sí',
    no: 'No',
    thanks: 'Gracias por decírnoslo.',
    products: 'Productos recomendados',
    offline: 'No tienes conexión. Tus mensajes se enviarán cuando vuelvas a estar en línea.',
    reconnecting: 'Reconectando…',
    unreachable: 'No podemos conectar con el chat ahora mismo. Seguiremos intentándolo.',
    unavailable: 'El chat no está disponible ahora mismo. Inténtalo más tarde.',
    tooFast: 'Estás enviando mensajes muy rápido. Espera un momento.',
    failed: 'Algo salió mal. Inténtalo de nuevo.',
    escalated: 'Una persona de nuestro equipo te responderá aquí.',
    byEmail: 'Nuestro equipo te responderá por correo electrónico.',
    signIn: 'Iniciar sesión',
    emailLabel: 'Correo electrónico',
    continueByEmail: 'Continuar por correo',
    rate: 'Valora esta conversación',
    rateComment: 'Comentario (opcional)',
    rateSend: 'Enviar valoración',
    rateThanks: '¡Gracias por tu opinión!',
    rateFailed: 'Tu valoración no se envió.',
    closed: 'Esta conversación ha terminado. Envía un mensaje para empezar otra.',
    defaultAgent: 'Soporte',
    defaultGreeting: '¡Hola! ¿En qué podemos ayudarte hoy?',
  },
  phrases: {
    "Sorry, I'm not sure I have the answer to that. I'm {agent}, the store's virtual assistant: you can rephrase your question, or talk to a person on our team.":
      'Lo siento, no estoy seguro de tener la respuesta. Soy {agent}, el asistente virtual de la tienda: puedes reformular tu pregunta o hablar con una persona de nuestro equipo.',
    "I'm {agent}, this store's virtual assistant. I can answer questions about shipping, returns and payments, help you find the right product, check on your orders, and connect you with a person on our team whenever you like.":
      'Soy {agent}, el asistente virtual de esta tienda. Respondo preguntas sobre envíos, devoluciones y pagos, te ayudo a encontrar el producto adecuado, reviso tus pedidos y te pongo en contacto con una persona de nuestro equipo cuando quieras.',
    'Thanks for chatting with us. Have a great day!': 'Gracias por hablar con nosotros. ¡Que tengas un buen día!',
    "You're welcome! Is there anything else I can help you with?": '¡De nada! ¿Puedo ayudarte con algo más?',
    'Great! Let me know if there is anything else I can help you with.':
      '¡Genial! Avísame si puedo ayudarte con algo más.',
    "I'm doing well, thanks for asking! I'm {agent}. How can I help you today?":
      '¡Muy bien, gracias por preguntar! Soy {agent}. ¿En qué puedo ayudarte hoy?',
    "Hi! I'm {agent}. How can I help you today?": '¡Hola! Soy {agent}. ¿En qué puedo ayudarte hoy?',
    'Great, glad I could help!': '¡Genial, me alegra haber ayudado!',
    'Sorry that didn’t help. You can rephrase your question, or talk to a person.':
      'Siento que no haya servido. Puedes reformular tu pregunta o hablar con una persona.',
    'To talk to a person, sign in to your account, or leave your email address and our team will reply by email.':
      'Para hablar con una persona, inicia sesión en tu cuenta o deja tu correo electrónico y nuestro equipo te responderá por correo.',
    'To talk to a person, sign in to your account.': 'Para hablar con una persona, inicia sesión en tu cuenta.',
    'A teammate already has this conversation.': 'Una persona de nuestro equipo ya atiende esta conversación.',
    'How did we do? Rate your conversation from 1 to 5.': '¿Qué tal lo hicimos? Valora la conversación del 1 al 5.',
    "I'm handing you over to a person on our team.": 'Te paso con una persona de nuestro equipo.',
    'Our team will reply to {email} by email.': 'Nuestro equipo te responderá por correo a {email}.',
    'Our team will reply by email.': 'Nuestro equipo te responderá por correo electrónico.',
    'A teammate will reply here shortly.': 'Una persona de nuestro equipo te responderá aquí en breve.',
    "We're offline until {when}; we'll reply here then.":
      'No estamos disponibles hasta {when}; te responderemos aquí entonces.',
    'Everyone on our team is busy right now; a teammate will reply here as soon as they can.':
      'Todo nuestro equipo está ocupado ahora mismo; alguien te responderá aquí en cuanto pueda.',
    "Our team can't take chats right now. Email us at help@example.com and we'll get back to you.":
      'Nuestro equipo no puede atender chats ahora mismo. Escríbenos a help@example.com y te responderemos.',
    "I can look that up once you're signed in. Please sign in at {url}, then ask me again.":
      'Puedo consultarlo cuando hayas iniciado sesión. Inicia sesión en {url} y vuelve a preguntarme.',
    "I can look that up once you're signed in. Please sign in to your account on this store, then ask me again.":
      'Puedo consultarlo cuando hayas iniciado sesión. Inicia sesión en tu cuenta de esta tienda y vuelve a preguntarme.',
    "I couldn't find any orders on your account. If you ordered as a guest or with another email, a person on our team can look it up for you.":
      'No encontré pedidos en tu cuenta. Si compraste como invitado o con otro correo, una persona de nuestro equipo puede buscarlo por ti.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply by email once it’s back.':
      'Nuestro servicio de ayuda no puede recibir solicitudes nuevas ahora mismo. Tu solicitud está guardada y nuestro equipo te responderá por correo cuando vuelva a funcionar.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply here once it’s back.':
      'Nuestro servicio de ayuda no puede recibir solicitudes nuevas ahora mismo. Tu solicitud está guardada y nuestro equipo te responderá aquí cuando vuelva a funcionar.',
    'The teammate who will help you isn’t online right now; they’ll reply here when they’re back.':
      'La persona que te ayudará no está conectada ahora mismo; te responderá aquí cuando vuelva.',
    'No one on our team is online right now; a teammate will reply here when they’re back.':
      'Nadie de nuestro equipo está conectado ahora mismo; alguien te responderá aquí cuando vuelva.',
    'A teammate will reply here as soon as they can.':
      'Una persona de nuestro equipo te responderá aquí en cuanto pueda.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply to {email} by email once it’s back.':
      'Nuestro servicio de ayuda no puede recibir solicitudes nuevas ahora mismo. Tu solicitud está guardada y nuestro equipo te responderá por correo a {email} cuando vuelva a funcionar.',
    'Here are some {what} you might like:': 'Esto podría gustarte ({what}):',
    'Here is one {what} you might like:': 'Esto podría gustarte ({what}):',
  },
};
