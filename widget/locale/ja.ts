// Japanese. Same keys and {placeholders} as ./en.ts and ./phrases.ts.
import type { Locale } from './types';

export const ja: Locale = {
  strings: {
    open: 'チャットを開く',
    closeChat: 'チャットを閉じる',
    loadError: 'チャットを読み込めませんでした。もう一度お試しください。',
    unreadOne: '未読メッセージ 1 件',
    unreadMany: '未読メッセージ {n} 件',
    dialog: '{agent} とのチャット',
    close: '閉じる',
    log: '会話',
    message: 'メッセージ',
    placeholder: 'メッセージを入力…',
    send: '送信',
    attach: 'ファイルを添付',
    attachFailed: 'ファイルを送信できませんでした。5 MB までの画像または PDF を添付してください。',
    talkToPerson: '担当者と話す',
    typing: '{name} が入力中…',
    you: 'あなた',
    sending: '送信中…',
    delivered: '配信済み',
    seen: '既読',
    notSent: '送信されませんでした。',
    retry: '再試行',
    confirmQuestion: 'ご質問の答えになりましたか？',
    yes: 'はい',
    no: 'いいえ',
    thanks: 'ご回答ありがとうございます。',
    products: 'おすすめ商品',
    offline: 'オフラインです。オンラインに戻るとメッセージが送信されます。',
    reconnecting: '再接続中…',
    unreachable: '現在チャットに接続できません。接続を試み続けます。',
    unavailable: '現在チャットはご利用いただけません。後でもう一度お試しください。',
    tooFast: 'メッセージの送信が速すぎます。少しお待ちください。',
    failed: '問題が発生しました。もう一度お試しください。',
    escalated: 'スタッフがこちらで返信します。',
    byEmail: 'スタッフがメールで返信します。',
    signIn: 'ログイン',
    emailLabel: 'メールアドレス',
    continueByEmail: 'メールで続ける',
    rate: 'この会話を評価',
    rateComment: 'コメント（任意）',
    rateSend: '評価を送信',
    rateThanks: 'フィードバックありがとうございます！',
    rateFailed: '評価を送信できませんでした。',
    closed: 'この会話は終了しました。メッセージを送ると新しい会話が始まります。',
    defaultAgent: 'サポート',
    defaultGreeting: 'こんにちは！ご用件をお聞かせください。',
  },
  phrases: {
    "Sorry, I'm not sure I have the answer to that. I'm {agent}, the store's virtual assistant: you can rephrase your question, or talk to a person on our team.":
      '申し訳ありません、その質問にはお答えできないかもしれません。私はストアのバーチャルアシスタント {agent} です。質問を言い換えるか、スタッフとお話しください。',
    "I'm {agent}, this store's virtual assistant. I can answer questions about shipping, returns and payments, help you find the right product, check on your orders, and connect you with a person on our team whenever you like.":
      '私はこのストアのバーチャルアシスタント {agent} です。配送・返品・お支払いに関するご質問への回答、商品選びのお手伝い、ご注文の確認ができ、いつでもスタッフにおつなぎします。',
    'Thanks for chatting with us. Have a great day!': 'ご利用ありがとうございました。良い一日を！',
    "You're welcome! Is there anything else I can help you with?":
      'どういたしまして！ほかにお手伝いできることはありますか？',
    'Great! Let me know if there is anything else I can help you with.':
      '承知しました！ほかにお手伝いできることがあればお知らせください。',
    "I'm doing well, thanks for asking! I'm {agent}. How can I help you today?":
      '元気です、ありがとうございます！{agent} です。本日はどのようなご用件でしょうか？',
    "Hi! I'm {agent}. How can I help you today?": 'こんにちは！{agent} です。本日はどのようなご用件でしょうか？',
    'Great, glad I could help!': 'お役に立ててよかったです！',
    'Sorry that didn’t help. You can rephrase your question, or talk to a person.':
      'お役に立てず申し訳ありません。質問を言い換えるか、担当者とお話しください。',
    'To talk to a person, sign in to your account, or leave your email address and our team will reply by email.':
      '担当者と話すには、アカウントにログインするか、メールアドレスを入力してください。スタッフがメールで返信します。',
    'To talk to a person, sign in to your account.': '担当者と話すには、アカウントにログインしてください。',
    'A teammate already has this conversation.': 'この会話はすでにスタッフが対応しています。',
    'How did we do? Rate your conversation from 1 to 5.': '対応はいかがでしたか？ 1〜5 で評価してください。',
    "I'm handing you over to a person on our team.": 'スタッフにおつなぎします。',
    'Our team will reply to {email} by email.': 'スタッフが {email} 宛てにメールで返信します。',
    'Our team will reply by email.': 'スタッフがメールで返信します。',
    'A teammate will reply here shortly.': 'まもなくスタッフがこちらで返信します。',
    "We're offline until {when}; we'll reply here then.": '{when} まで対応時間外です。その後こちらで返信します。',
    'Everyone on our team is busy right now; a teammate will reply here as soon as they can.':
      'ただいまスタッフ全員が対応中です。手が空き次第こちらで返信します。',
    "Our team can't take chats right now. Email us at help@example.com and we'll get back to you.":
      'ただいまチャットでの対応ができません。help@example.com までメールでお問い合わせください。折り返しご連絡します。',
    "I can look that up once you're signed in. Please sign in at {url}, then ask me again.":
      'ログインしていただければお調べできます。{url} でログインしてから、もう一度お尋ねください。',
    "I can look that up once you're signed in. Please sign in to your account on this store, then ask me again.":
      'ログインしていただければお調べできます。このストアのアカウントにログインしてから、もう一度お尋ねください。',
    "I couldn't find any orders on your account. If you ordered as a guest or with another email, a person on our team can look it up for you.":
      'お客様のアカウントにご注文が見つかりませんでした。ゲストまたは別のメールアドレスでご注文の場合は、スタッフがお調べします。',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply by email once it’s back.':
      'ただいまヘルプデスクで新しいお問い合わせを受け付けられません。お問い合わせは保存されており、復旧しだいスタッフがメールで返信します。',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply here once it’s back.':
      'ただいまヘルプデスクで新しいお問い合わせを受け付けられません。お問い合わせは保存されており、復旧しだいスタッフがこちらで返信します。',
    'The teammate who will help you isn’t online right now; they’ll reply here when they’re back.':
      '担当スタッフは現在オフラインです。戻りしだいこちらで返信します。',
    'No one on our team is online right now; a teammate will reply here when they’re back.':
      '現在オンラインのスタッフがいません。戻りしだいこちらで返信します。',
    'A teammate will reply here as soon as they can.': '手が空きしだいスタッフがこちらで返信します。',
    'Our help desk can’t take new requests right now. Your request is saved, and our team will reply to {email} by email once it’s back.':
      'ただいまヘルプデスクで新しいお問い合わせを受け付けられません。お問い合わせは保存されており、復旧しだいスタッフが {email} 宛てにメールで返信します。',
    'Here are some {what} you might like:': 'おすすめ（{what}）：',
    'Here is one {what} you might like:': 'おすすめ（{what}）：',
  },
};
