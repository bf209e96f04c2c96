// The widget config a storefront's widget receives (GET /api/widget/config, and with a new
// conversation): the merchant's look and texts, whether web chat, its handoff and continuing by email
// are on, and every string in the shopper's language, picked from their browser language. The strings
// ride along with the config, so a locale costs no extra request and no bundle weight (widget/locale/).
import type { AccountSettings } from '../../settings/schema';
import type { WidgetConfig } from '../../protocol/widget';
import { pickLocale, RTL } from '../../../widget/locale/codes';
import { LOCALES } from '../../../widget/locale/index';
import { continueByEmailOffered } from '../../handoff/decide';

export function widgetConfigOf(settings: AccountSettings, language: string | null | undefined): WidgetConfig {
  const g = settings.general;
  const locale = pickLocale(language);
  const own = g.localized[locale];
  const { strings, phrases } = LOCALES[locale];
  return {
    agentName: own?.agentName ?? g.agentName,
    greeting: own?.greeting ?? g.greeting,
    avatarUrl: g.avatarUrl,
    brandColor: g.brandColor,
    launcherPosition: g.launcherPosition,
    enabled: settings.channels.webChat.enabled,
    handoff: settings.handoff.channels.web_chat.method !== 'none',
    emailHandoff: continueByEmailOffered(settings),
    locale,
    dir: RTL.has(locale) ? 'rtl' : 'ltr',
    strings,
    phrases,
  };
}
