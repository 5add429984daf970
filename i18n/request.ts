import { getRequestConfig } from 'next-intl/server';
import { localeOrDefault } from '../lib/locales';
import { editionTimeZone } from '../lib/site';
import { messageLoaders } from './messages';

export default getRequestConfig(async ({ requestLocale }) => {
  const locale = localeOrDefault(await requestLocale);
  return {
    locale,
    timeZone: editionTimeZone(locale),
    messages: (await messageLoaders[locale]()).default,
  };
});
