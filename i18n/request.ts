import { getRequestConfig } from 'next-intl/server';
import { localeOrDefault } from '../lib/locales';
import { editionTimeZone } from '../lib/site';
import { messageLoaders } from './messages';
import { editionSegment } from '../lib/http/lite.mjs';

export default getRequestConfig(async ({ requestLocale }) => {
  // `ar.lite`: a lite page's segment (lib/http/lite.mjs).
  const locale = localeOrDefault(editionSegment((await requestLocale) ?? '').edition);
  return {
    locale,
    timeZone: editionTimeZone(locale),
    messages: (await messageLoaders[locale]()).default,
  };
});
