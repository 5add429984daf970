import { getRequestConfig } from 'next-intl/server';
import { localeOrDefault } from '../lib/locales';
import { siteTimeZone } from '../lib/site';

export default getRequestConfig(async ({ requestLocale }) => {
  const locale = localeOrDefault(await requestLocale);
  return {
    locale,
    timeZone: siteTimeZone,
    messages: (await import(`../messages/${locale}.json`)).default,
  };
});
