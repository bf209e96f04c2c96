// The `smalltalk` skill: greetings, thanks, goodbyes, compliments, "who are you?", "what can you do?",
// and complaints without a question ("this is useless"), which get an apology and the offer of a
// person. It is only confident when the message is nothing but small talk; "hi, do you ship to
// Canada?" and "this is useless, my zip broke" are left to the other skills.
import type { SkillInput, SkillResult } from '../types';
import { ENGLISH_WORDS } from '../language/english-words';
import { FILLER } from '../language/lexicon';
import { toEnglish } from '../language/query';
import { contentTerms } from '../text';

/** Words that only make a thanks or greeting warmer. */
const COURTESY = new Set(
  'bunch heaps loads tons helped helps helpful needed much so lot lots again guys mate buddy dude folks anyone everyone there all'.split(
    ' ',
  ),
);

type Kind = 'who' | 'abilities' | 'complaint' | 'bye' | 'thanks' | 'praise' | 'ack' | 'how_are_you' | 'greeting';

/** Words that only say how the shopper feels about the chat, with nothing asked ("so", "this", "bot"). */
const FEELING = new Set(
  'this that it its chat bot robot thing you your guys service so such very really just absolutely total totally complete completely waste of time'.split(
    ' ',
  ),
);

// Checked in this order: "thanks, bye" is a goodbye, "hi, who are you?" is about the agent.
const PATTERNS: Array<[Kind, RegExp]> = [
  [
    'who',
    /\b(?:who|what)\s+(?:are|r)\s+(?:you|u)\b|\bwhat\s+(?:is\s+)?(?:s\s+)?your\s+name\b|\bwhats\s+your\s+name\b|\b(?:are|r)\s+(?:you|u)\s+(?:a\s+|an\s+)?(?:real\s+|actual\s+|live\s+)?(?:bot|robot|human|person|ai|machine)\b|\bwho\s+am\s+i\s+(?:talking|speaking|chatting)\s+(?:to|with)\b|\b(?:am\s+i\s+(?:talking|speaking|chatting)\s+(?:to|with)|is\s+this)\s+(?:a\s+|an\s+)?(?:real\s+)?(?:bot|robot|human|person|ai|machine|chatbot)\b/g,
  ],
  [
    'abilities',
    /\bwhat\s+(?:can|do|could)\s+(?:you|u)\s+(?:do|help(?:\s+(?:me\s+)?with)?)\b|\bhow\s+can\s+(?:you|u)\s+help(?:\s+me)?\b|\bwhat\s+(?:are\s+you|r\s+u)\s+(?:able\s+to\s+do|for|good\s+for)\b|\bwhat\s+(?:kind|sort|type)s?\s+of\s+(?:things|questions|stuff)\s+(?:can|do)\s+(?:you|u)(?:\s+(?:answer|help\s+with|do|handle|know))?\b|\bwhat\s+(?:do|can)\s+(?:you|u)\s+know\b/g,
  ],
  [
    'complaint',
    /\b(?:useless|pointless|hopeless|rubbish|garbage|trash|stupid|dumb|terrible|awful|horrible|pathetic|ridiculous|unacceptable|worst|annoying|frustrating|frustrated|infuriating|disappointed|disappointing|sucks|suck|hate|fed\s+up|not\s+(?:helpful|helping|working)|no\s+help|unhelpful|waste\s+of\s+(?:my\s+)?time|ugh|wtf|smh|slow|so\s+slow|too\s+slow|taking\s+forever|confusing|makes\s+no\s+sense|not\s+listening|(?:do|does)\s+not\s+understand)\b/g,
  ],
  [
    'bye',
    /\b(?:good\s*bye|bye(?:\s+bye)?|good\s*night|night\s+night|take\s+care|later|ciao|see\s+(?:you|ya)(?:\s+later)?|have\s+a\s+(?:good|nice|great)\s+(?:day|one|evening|night)|thats\s+all|nothing\s+else)\b/g,
  ],
  [
    'thanks',
    /\b(?:thanks?(?:\s+(?:you|so\s+much|a\s+lot))?|thank\s+you(?:\s+(?:so|very)\s+much)?|thx|ty|cheers|(?:much\s+)?appreciated|appreciate\s+it)\b/g,
  ],
  [
    'praise',
    /\b(?:(?:you\s+(?:are|re)|youre|your|ur|youve\s+been|you\s+have\s+been|you\s+were|that\s+was|this\s+is|thats)\s+(?:so\s+|very\s+|really\s+|super\s+)?(?:awesome|amazing|great|brilliant|helpful|the\s+best|fantastic|wonderful|lovely|smart|clever|cool|a\s+star|a\s+legend|a\s+lifesaver)|good\s+(?:job|bot)|well\s+done|nice\s+one|love\s+(?:it|this|you)|you\s+rock|exactly\s+what\s+i\s+(?:needed|wanted|was\s+looking\s+for)|very\s+helpful|super\s+helpful|so\s+helpful)\b/g,
  ],
  [
    'ack',
    /\b(?:ok|okay|k|cool|great|perfect|awesome|nice|got\s+it|(?:that|this|it)\s+(?:answers|answered|solves|solved|sorts|sorted|helps|helped|works)(?:\s+(?:it|that|everything|my\s+question))?|sounds\s+good|alright|all\s+right|lol|haha|fair\s+enough|i\s+see|understood|noted|makes\s+sense)\b/g,
  ],
  [
    'how_are_you',
    /\bhow\s+(?:are|r)\s+(?:you|u)(?:\s+doing)?(?:\s+today)?\b|\bhows\s+(?:it|things|life)\s+going\b|\bhow\s*s?\s+(?:is\s+)?(?:your|ur)\s+(?:day|morning|evening|week|weekend)(?:\s+going)?\b/g,
  ],
  [
    'greeting',
    /\b(?:hi|hello|hey|hiya|howdy|yo|greetings|(?:good\s+)?(?:morning|afternoon|evening))(?:\s+(?:there|all|everyone))?\b/g,
  ],
];

export async function smalltalkSkill(input: SkillInput): Promise<SkillResult | null> {
  // The rewritten words ("bonjour", "thx" and "merci" are small talk too), before spelling correction:
  // chat words are not the store's vocabulary, so correction would only garble them ("chatting").
  const { index } = input;
  const t = toEnglish(input.text);
  let kind: Kind | null = null;
  let rest = t;
  for (const [k, re] of PATTERNS) {
    if (re.test(t)) kind ??= k;
    re.lastIndex = 0;
    rest = rest.replace(re, ' ');
  }
  if (!kind) return null;
  // Pure small talk is answered with confidence; anything more is probably a question for another skill.
  // What is left around the greeting or thanks may be courtesy ("thanks a bunch, that helped", "all I
  // needed") but not a matter the store knows about ("thanks, do you ship to Canada?"): a word counts
  // when it is the store's, a real English word, or a misspelling of a store word ("thx, refnd?");
  // another language's words the lexicon does not translate ("gracias por la ayuda") do not.
  const matters = (w: string) =>
    !FILLER.has(w) &&
    !COURTESY.has(w) &&
    !FEELING.has(w) &&
    (index.stemmer.knows(w) || ENGLISH_WORDS.has(w) || index.speller.correct(w) !== null);
  const left = contentTerms(rest).filter(matters);
  const confidence = left.length === 0 ? 0.95 : 0.3;
  return {
    skill: 'smalltalk',
    confidence,
    text: reply(kind, input.settings.general.agentName),
    tags: ['smalltalk'],
    cards: [],
    // A complaint with nothing asked: the shopper is told a person can take over.
    prompt: kind === 'complaint' ? 'offer_human' : null,
  };
}

function reply(kind: Kind, agentName: string): string {
  switch (kind) {
    case 'who':
      return `I'm ${agentName}, this store's virtual assistant. I can answer questions about shipping, returns and payments, help you find the right product, check on your orders, and connect you with a person on our team whenever you like.`;
    case 'abilities':
      return `I can answer questions about shipping, returns, sizing, payments and your orders, suggest products from our catalog, and connect you with a person on our team whenever you like. What can I help you with?`;
    case 'complaint':
      return `I'm sorry this has been frustrating. Tell me what you need and I'll do my best to help, or I can connect you with a person on our team.`;
    case 'praise':
      return 'Thank you, that is kind of you! Is there anything else I can help you with?';
    case 'bye':
      return 'Thanks for chatting with us. Have a great day!';
    case 'thanks':
      return "You're welcome! Is there anything else I can help you with?";
    case 'ack':
      return 'Great! Let me know if there is anything else I can help you with.';
    case 'how_are_you':
      return `I'm doing well, thanks for asking! I'm ${agentName}. How can I help you today?`;
    case 'greeting':
      return `Hi! I'm ${agentName}. How can I help you today?`;
  }
}
