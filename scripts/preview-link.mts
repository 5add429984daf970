/**
 * npm run preview-link -- <slug> [--locale ar|en|fa] [--ttl 24h]
 * Prints a signed preview link for a draft. Needs PREVIEW_SECRET (the server's) and SITE_URL.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_TTL_SECONDS, nowSeconds, parseTtl, previewQuery } from '../lib/preview';
import { normalizeSlug } from '../lib/content/parse';
import { readStoryNow } from '../lib/content/file-store';
import { defaultLocale, isLocale, locales } from '../lib/locales';
import { contentDir, siteUrl } from '../lib/site';

function fail(message: string): never {
  console.error(`preview-link: ${message}`);
  console.error(`usage: npm run preview-link -- <slug> [--locale ${locales.join('|')}] [--ttl 24h]`);
  process.exit(2);
}

function readArgs() {
  try {
    return parseArgs({
      options: { locale: { type: 'string', default: defaultLocale }, ttl: { type: 'string' } },
      allowPositionals: true,
    });
  } catch (error) {
    fail((error as Error).message);
  }
}

const { values, positionals } = readArgs();
const [slugArg, unexpected] = positionals;
if (unexpected !== undefined) fail(`unexpected argument ${JSON.stringify(unexpected)}`);
const locale: string = values.locale;
let ttl = DEFAULT_TTL_SECONDS;
if (values.ttl !== undefined) {
  try {
    ttl = parseTtl(values.ttl);
  } catch (error) {
    fail((error as Error).message);
  }
}

const secret = process.env.PREVIEW_SECRET;
if (!secret) fail('PREVIEW_SECRET is not set: preview is off');
if (!slugArg) fail('which story? give its slug');
const slug = normalizeSlug(slugArg);
if (!slug) fail(`not a slug: ${JSON.stringify(slugArg)}`);
if (!isLocale(locale)) fail(`--locale must be one of ${locales.join(', ')}, not ${JSON.stringify(locale)}`);

const story = await readStoryNow(contentDir, locale, slug);
if (!story) fail(`no valid story file for ${locale}/${slug} (npm run content:check tells what is wrong)`);
if (story.status !== 'draft') fail(`${locale}/${slug} is published: it needs no preview link`);

const expiresAt = nowSeconds() + ttl;
console.log(new URL(`/api/preview?${previewQuery({ slug, locale, expiresAt }, secret)}`, siteUrl).toString());
