// Arabic (laid out right to left: see RTL in ./index.ts). Same keys and {placeholders} as ./en.ts
// and ./phrases.ts.
import type { Locale } from './types';

export const ar: Locale = {
  strings: {
    open: 'فتح المحادثة',
    closeChat: 'إغلاق المحادثة',
    loadError: 'تعذّر تحميل المحادثة. حاول مرة أخرى.',
    unreadOne: 'رسالة واحدة غير مقروءة',
    unreadMany: 'رسائل غير مقروءة: {n}',
    dialog: 'محادثة مع {agent}',
    close: 'إغلاق',
    log: 'المحادثة',
    message: 'الرسالة',
    placeholder: 'اكتب رسالتك…',
    send: 'إرسال',
    attach: 'إرفاق ملف',
    attachFailed: 'لم يُرسل الملف. أرفق صورة أو ملف PDF بحجم 5 ميغابايت كحد أقصى.',
    talkToPerson: 'التحدث إلى شخص',
    typing: '{name} يكتب…',
    you: 'أنت',
    sending: 'جارٍ الإرسال…',
    delivered: 'تم التسليم',
    seen: 'تمت المشاهدة',
    notSent: 'لم تُرسل.',
    retry: 'إعادة المحاولة',
    confirmQuestion: 'هل أجاب ذلك عن سؤالك؟',
    yes: 'نعم',
    no: 'لا',
    thanks: 'شكرًا لإخبارنا.',
    products: 'منتجات مقترحة',
    offline: 'أنت غير متصل. ستُرسل رسائلك عند عودة الاتصال.',
    reconnecting: 'جارٍ إعادة الاتصال…',
    unreachable: 'لا يمكننا الوصول إلى المحادثة الآن. سنواصل المحاولة.',
    unavailable: 'المحادثة غير متاحة الآن. يُرجى المحاولة لاحقًا.',
    tooFast: 'أنت ترسل الرسائل بسرعة كبيرة. يُرجى الانتظار قليلًا.',
    failed: 'حدث خطأ ما. يُرجى المحاولة مرة أخرى.',
    escalated: 'سيرد عليك أحد أعضاء فريقنا هنا.',
    byEmail: 'سيرد عليك فريقنا عبر البريد الإلكتروني.',
    signIn: 'تسجيل الدخول',
    emailLabel: 'البريد الإلكتروني',
    continueByEmail: 'المتابعة عبر البريد الإلكتروني',
    rate: 'قيّم هذه المحادثة',
    rateComment: 'تعليق (اختياري)',
    rateSend: 'إرسال التقييم',
    rateThanks: 'شكرًا على ملاحظاتك!',
    rateFailed: 'لم يُرسل تقييمك.',
    closed: 'انتهت هذه المحادثة. أرسل رسالة لبدء محادثة جديدة.',
    defaultAgent: 'الدعم',
    defaultGreeting: 'مرحبًا! كيف يمكننا مساعدتك اليوم؟',
  },
  phrases: {
    "Sorry, I'm not sure I have the answer to that. I'm {agent}, the store's virtual assistant: you can rephrase your question, or talk to a person on our team.":
      'عذرًا، لست متأكدًا من أن لدي إجابة على ذلك. أنا {agent}، المساعد الافتراضي للمتجر: يمكنك إعادة صياغة سؤالك أو التحدث إلى أحد أعضاء فريقنا.',
    "I'm {agent}, this store's virtual assistant. I can answer questions about shipping, returns and payments, help you find the right product, check on your orders, and connect you with a person on our team whenever you like.":
      'أنا {agent}، المساعد الافتراضي لهذا المتجر. أجيب عن الأسئلة المتعلقة بالشحن والإرجاع والدفع، وأساعدك في العثور على المنتج المناسب، وأتحقق من طلباتك، وأوصلك بأحد أعضاء فريقنا متى شئت.',
    'Thanks for chatting with us. Have a great day!': 'شكرًا لتواصلك معنا. نتمنى لك يومًا سعيدًا!',
    "You're welcome! Is there anything else I can help you with?":
      'على الرحب والسعة! هل هناك شيء آخر يمكنني مساعدتك فيه؟',
    'Great! Let me know if there is anything else I can help you with.':
      'رائع! أخبرني إن كان هناك شيء آخر يمكنني مساعدتك فيه.',
    "I'm doing well, thanks for asking! I'm {agent}. How can I help you today?":
      'أنا بخير، شكرًا لسؤالك! أنا {agent}. كيف يمكنني مساعدتك اليوم؟',
    "Hi! I'm {agent}. How can I help you today?": 'مرحبًا! أنا {agent}. كيف يمكنني مساعدتك اليوم؟',
    'Great, glad I could help!': 'رائع، يسعدني أنني ساعدتك!',
    'Sorry that didn’t help. You can rephrase your question, or talk to a person.':
      'عذرًا لأن ذلك لم يساعد. يمكنك إعادة صياغة سؤالك أو التحدث إلى شخص.',
    'To talk to a person, sign in to your account, or leave your email address and our team will reply by email.':
      'للتحدث إلى شخص، سجّل الدخول إلى حسابك أو اترك بريدك الإلكتروني وسيرد عليك فريقنا عبر البريد الإلكتروني.',
    'To talk to a person, sign in to your account.': 'للتحدث مع شخص، سجّل الدخول إلى حسابك.',
    'A teammate already has this conversation.': 'يتولى أحد أعضاء فريقنا هذه المحادثة بالفعل.',
    'How did we do? Rate your conversation from 1 to 5.': 'كيف كانت خدمتنا؟ قيّم المحادثة من 1 إلى 5.',
    "I'm handing you over to a person on our team.": 'سأحوّلك إلى أحد أعضاء فريقنا.',
    'Our team will reply to {email} by email.': 'سيرد عليك فريقنا عبر البريد الإلكتروني على {email}.',
    'Our team will reply by email.': 'سيرد عليك فريقنا عبر البريد الإلكتروني.',
    'A teammate will reply here shortly.': 'سيرد عليك أحد أعضاء فريقنا هنا قريبًا.',
    "We're offline until {when}; we'll reply here then.": 'نحن غير متاحين حتى {when}؛ وسنرد عليك هنا حينها.',
    'Everyone on our team is busy right now; a teammate will reply here as soon as they can.':
      'جميع أعضاء فريقنا مشغولون الآن؛ سيرد عليك أحدهم هنا في أقرب وقت ممكن.',
    "Our team can't take chats right now. Email us at help@example.com and we'll get back to you.":
      'لا يستطيع فريقنا استقبال المحادثات الآن. راسلنا على help@example.com وسنعاود التواصل معك.',
    "I can look that up once you're signed in. Please sign in at {url}, then ask me again.":
      'يمكنني التحقق من ذلك بعد تسجيل دخولك. يُرجى تسجيل الدخول عبر {url} ثم اسألني مرة أخرى.',
    "I can look that up once you're signed in. Please sign in to your account on this store, then ask me again.":
      'يمكنني التحقق من ذلك بعد تسجيل دخولك. يُرجى تسجيل الدخول إلى حسابك في هذا المتجر ثم اسألني مرة أخرى.',
    "I couldn't find any orders on your account. If you ordered as a guest or with another email, a person on our team can look it up for you.":
      'لم أجد أي طلبات في حسابك. إذا طلبت كضيف أو ببريد إلكتروني آخر، فيمكن لأحد أعضاء فريقنا البحث عنها لك.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply by email once it’s back.':
      'لا يستطيع مكتب المساعدة لدينا استقبال طلبات جديدة الآن. تم حفظ طلبك وسيرد عليك فريقنا عبر البريد الإلكتروني فور عودته.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply here once it’s back.':
      'لا يستطيع مكتب المساعدة لدينا استقبال طلبات جديدة الآن. تم حفظ طلبك وسيرد عليك فريقنا هنا فور عودته.',
    'The teammate who will help you isn’t online right now; they’ll reply here when they’re back.':
      'الشخص الذي سيساعدك غير متصل الآن؛ وسيرد عليك هنا عند عودته.',
    'No one on our team is online right now; a teammate will reply here when they’re back.':
      'لا أحد من فريقنا متصل الآن؛ سيرد عليك أحدهم هنا عند عودته.',
    'A teammate will reply here as soon as they can.': 'سيرد عليك أحد أعضاء فريقنا هنا في أقرب وقت ممكن.',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply to {email} by email once it’s back.':
      'لا يستطيع مكتب المساعدة لدينا استقبال طلبات جديدة الآن. تم حفظ طلبك وسيرد عليك فريقنا عبر البريد الإلكتروني على {email} فور عودته.',
    'Here are some {what} you might like:': 'قد يعجبك ({what}):',
    'Here is one {what} you might like:': 'قد يعجبك ({what}):',
  },
};
