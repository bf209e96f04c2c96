// The `smalltalk` skill: greetings, thanks, goodbyes and "who are you?". It is only confident when the
// message is nothing but small talk; "hi, do you ship to Canada?" is left to the other skills.
import type { SkillInput, SkillResult } from '../types';
import { FILLER } from '../language/lexicon';
import { contentTerms } from '../text';

/** Words that only make a thanks or greeting warmer. */
const COURTESY = new Set(
  'bunch heaps loads tons helped helps helpful needed much so lot lots again guys mate buddy dude folks anyone everyone there all'.split(
    ' ',
  ),
);

type Kind = 'who' | 'bye' | 'thanks' | 'ack' | 'how_are_you' | 'greeting';

// Checked in this order: "thanks, bye" is a goodbye, "hi, who are you?" is about the agent.
const PATTERNS: Array<[Kind, RegExp]> = [
  [
    'who',
    /\b(?:who|what)\s+(?:are|r)\s+(?:you|u)\b|\bwhat\s+(?:is\s+)?(?:s\s+)?your\s+name\b|\bwhats\s+your\s+name\b|\b(?:are|r)\s+(?:you|u)\s+(?:a\s+|an\s+)?(?:real\s+)?(?:bot|robot|human|person|ai|machine)\b|\bam\s+i\s+(?:talking|speaking|chatting)\s+(?:to|with)\s+(?:a\s+|an\s+)?(?:real\s+)?(?:bot|robot|human|person|ai|machine)\b/g,
  ],
  [
    'bye',
    /\b(?:good\s*bye|bye(?:\s+bye)?|see\s+(?:you|ya)(?:\s+later)?|have\s+a\s+(?:good|nice|great)\s+(?:day|one|evening|night)|thats\s+all|nothing\s+else)\b/g,
  ],
  [
    'thanks',
    /\b(?:thanks?(?:\s+(?:you|so\s+much|a\s+lot))?|thank\s+you(?:\s+(?:so|very)\s+much)?|thx|ty|cheers|(?:much\s+)?appreciated|appreciate\s+it)\b/g,
  ],
  ['ack', /\b(?:ok|okay|k|cool|great|perfect|awesome|got\s+it|sounds\s+good|alright|all\s+right)\b/g],
  ['how_are_you', /\bhow\s+(?:are|r)\s+(?:you|u)(?:\s+doing)?(?:\s+today)?\b|\bhows\s+it\s+going\b/g],
  ['greeting', /\b(?:hi|hello|hey|hiya|howdy|yo|greetings|good\s+(?:morning|afternoon|evening))(?:\s+there)?\b/g],
];

export async function smalltalkSkill(input: SkillInput): Promise<SkillResult | null> {
  // The rewritten words: "bonjour", "thx" and "merci" are small talk too.
  const t = input.query.english;
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
  // needed") but not a matter the store knows about ("thanks, do you ship to Canada?").
  const left = contentTerms(rest).filter((w) => !FILLER.has(w) && !COURTESY.has(w));
  const confidence = left.length === 0 ? 0.95 : 0.3;
  return {
    skill: 'smalltalk',
    confidence,
    text: reply(kind, input.settings.general.agentName),
    tags: ['smalltalk'],
    cards: [],
    prompt: null,
  };
}

function reply(kind: Kind, agentName: string): string {
  switch (kind) {
    case 'who':
      return `I'm ${agentName}, this store's virtual assistant. I can answer questions about shipping, returns and payments, help you find the right product, check on your orders, and connect you with a person on our team whenever you like.`;
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
