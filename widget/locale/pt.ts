// Portuguese. Same keys and {placeholders} as ./en.ts and ./phrases.ts.
import type { Locale } from './types';

export const pt: Locale = {
  strings: {
    open: 'Abrir chat',
    closeChat: 'Fechar chat',
    loadError: 'Não foi possível carregar o chat. Tente novamente.',
    unreadOne: '1 mensagem não lida',
    unreadMany: '{n} mensagens não lidas',
    dialog: 'Chat com {agent}',
    close: 'Fechar',
    log: 'Conversa',
    message: 'Mensagem',
    placeholder: 'Escreva sua mensagem…',
    send: 'Enviar',
    attach: 'Anexar um arquivo',
    attachFailed: 'O arquivo não foi enviado. Anexe uma imagem ou um PDF de até 5 MB.',
    talkToPerson: 'Falar com uma pessoa',
    typing: '{name} está digitando…',
    you: 'Você',
    sending: 'Enviando…',
    delivered: 'Entregue',
    seen: 'Visto',
    notSent: 'Não enviada.',
    retry: 'Tentar novamente',
    confirmQuestion: 'Isso respondeu à sua pergunta?',
    yes: 'Sim',
    no: 'Não',
    thanks: 'Obrigado por nos avisar.',
    products: 'Produtos recomendados',
    offline: 'Você está offline. Suas mensagens serão enviadas quando voltar a ficar online.',
    reconnecting: 'Reconectando…',
    unreachable: 'Não conseguimos acessar o chat agora. Vamos continuar tentando.',
    unavailable: 'O chat não está disponível agora. Tente novamente mais tarde.',
    tooFast: 'Você está enviando mensagens muito rápido. Aguarde um momento.',
    failed: 'Algo deu errado. Tente novamente.',
    escalated: 'Uma pessoa da nossa equipe vai responder aqui.',
    byEmail: 'Nossa equipe vai responder por e-mail.',
    signIn: 'Entrar',
    emailLabel: 'Endereço de e-mail',
    continueByEmail: 'Continuar por e-mail',
    rate: 'Avalie esta conversa',
    rateComment: 'Comentário (opcional)',
    rateSend: 'Enviar avaliação',
    rateThanks: 'Obrigado pela sua opinião!',
    rateFailed: 'Sua avaliação não foi enviada.',
    closed: 'Esta conversa terminou. Envie uma mensagem para começar outra.',
    defaultAgent: 'Suporte',
    defaultGreeting: 'Olá! Como podemos ajudar hoje?',
  },
  phrases: {
    "Sorry, I'm not sure I have the answer to that. I'm {agent}, the store's virtual assistant: you can rephrase your question, or talk to a person on our team.":
      'Desculpe, não tenho certeza de que sei a resposta. Sou {agent}, o assistente virtual da loja: você pode reformular sua pergunta ou falar com uma pessoa da nossa equipe.',
    "I'm {agent}, this store's virtual assistant. I can answer questions about shipping, returns and payments, help you find the right product, check on your orders, and connect you with a person on our team whenever you like.":
      'Sou {agent}, o assistente virtual desta loja. Respondo perguntas sobre entrega, devoluções e pagamentos, ajudo você a encontrar o produto certo, verifico seus pedidos e coloco você em contato com uma pessoa da nossa equipe quando quiser.',
    'Thanks for chatting with us. Have a great day!': 'Obrigado pela conversa. Tenha um ótimo dia!',
    "You're welcome! Is there anything else I can help you with?": 'De nada! Posso ajudar com mais alguma coisa?',
    'Great! Let me know if there is anything else I can help you with.':
      'Ótimo! Avise se eu puder ajudar com mais alguma coisa.',
    "I'm doing well, thanks for asking! I'm {agent}. How can I help you today?":
      'Estou bem, obrigado por perguntar! Sou {agent}. Como posso ajudar hoje?',
    "Hi! I'm {agent}. How can I help you today?": 'Olá! Sou {agent}. Como posso ajudar hoje?',
    'Great, glad I could help!': 'Ótimo, fico feliz em ajudar!',
    'Sorry that didn’t help. You can rephrase your question, or talk to a person.':
      'Desculpe se não ajudou. Você pode reformular sua pergunta ou falar com uma pessoa.',
    'To talk to a person, sign in to your account, or leave your email address and our team will reply by email.':
      'Para falar com uma pessoa, entre na sua conta ou deixe seu e-mail e nossa equipe responderá por e-mail.',
    'To talk to a person, sign in to your account.': 'Para falar com uma pessoa, inicie sessão na sua conta.',
    'A teammate already has this conversation.': 'Uma pessoa da nossa equipe já está cuidando desta conversa.',
    'How did we do? Rate your conversation from 1 to 5.': 'Como nos saímos? Avalie a conversa de 1 a 5.',
    "I'm handing you over to a person on our team.": 'Vou passar você para uma pessoa da nossa equipe.',
    'Our team will reply to {email} by email.': 'Nossa equipe vai responder por e-mail para {email}.',
    'Our team will reply by email.': 'Nossa equipe vai responder por e-mail.',
    'A teammate will reply here shortly.': 'Uma pessoa da nossa equipe vai responder aqui em breve.',
    "We're offline until {when}; we'll reply here then.":
      'Estamos indisponíveis até {when}; responderemos aqui nesse momento.',
    'Everyone on our team is busy right now; a teammate will reply here as soon as they can.':
      'Toda a nossa equipe está ocupada agora; alguém vai responder aqui assim que puder.',
    "Our team can't take chats right now. Email us at help@example.com and we'll get back to you.":
      'Nossa equipe não pode atender chats agora. Escreva para help@example.com e entraremos em contato.',
    "I can look that up once you're signed in. Please sign in at {url}, then ask me again.":
      'Posso verificar isso depois que você entrar. Entre em {url} e pergunte novamente.',
    "I can look that up once you're signed in. Please sign in to your account on this store, then ask me again.":
      'Posso verificar isso depois que você entrar. Entre na sua conta desta loja e pergunte novamente.',
    "I couldn't find any orders on your account. If you ordered as a guest or with another email, a person on our team can look it up for you.":
      'Não encontrei pedidos na sua conta. Se você comprou como visitante ou com outro e-mail, uma pessoa da nossa equipe pode procurar para você.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply by email once it’s back.':
      'Nosso suporte não pode receber novas solicitações agora. Sua solicitação foi salva e nossa equipe vai responder por e-mail assim que ele voltar.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply here once it’s back.':
      'Nosso suporte não pode receber novas solicitações agora. Sua solicitação foi salva e nossa equipe vai responder aqui assim que ele voltar.',
    'The teammate who will help you isn’t online right now; they’ll reply here when they’re back.':
      'A pessoa que vai ajudar você não está online agora; ela vai responder aqui quando voltar.',
    'No one on our team is online right now; a teammate will reply here when they’re back.':
      'Ninguém da nossa equipe está online agora; alguém vai responder aqui quando voltar.',
    'A teammate will reply here as soon as they can.': 'Uma pessoa da nossa equipe vai responder aqui assim que puder.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply to {email} by email once it’s back.':
      'Nosso suporte não pode receber novas solicitações agora. Sua solicitação foi salva e nossa equipe vai responder por e-mail para {email} assim que ele voltar.',
    'Here are some {what} you might like:': 'Talvez você goste ({what}):',
    'Here is one {what} you might like:': 'Talvez você goste ({what}):',
  },
};
