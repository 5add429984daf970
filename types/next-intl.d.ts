import type { Messages } from '../i18n/messages';
import type { Locale } from '../lib/locales';

// next-intl's typed messages: `t('site.nmae')` or a key missing from messages/ar.json fails `tsc`.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
