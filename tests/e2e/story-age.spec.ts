/**
 * The age label: an old story says how old it is above its headline and in a band across its share card, in
 * every edition; a page stored on an earlier day is not served once the day has turned.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import sharp from 'sharp';
import { createTranslator } from 'use-intl/core';
import type { Messages } from '@/i18n/messages';
import { formatNumber } from '@/lib/dates';
import { locales, type Locale } from '@/lib/locales';
import { storyAge } from '@/lib/story-age';
import { startSahifa, stop, type Proc } from './processes';
import { content, REFERENCE_SLUG, saveScreenshot, storyPath } from './support';

const translator = createTranslator as unknown as (config: {
  locale: Locale;
  messages: Messages;
}) => (key: string, values: Record<string, string | number>) => string;

/** What the label of a story published at `publishedAt` says on `now`'s day, from the edition's messages. */
async function expectedLabel(locale: Locale, publishedAt: Date, now: Date): Promise<string | undefined> {
  const age = storyAge(publishedAt, now);
  if (!age) return undefined;
  return translator({ locale, messages: JSON.parse(fs.readFileSync(`messages/${locale}.json`, 'utf8')) as Messages })(
    `story.age.${age.unit}`,
    {
      count: age.count,
      n: formatNumber(age.count, locale),
    },
  );
}

const published = (locale: Locale) => content.story(locale, REFERENCE_SLUG)!.publishedAt;

async function cardOf(request: APIRequestContext, base: string, locale: Locale) {
  const html = await (await request.get(`${base}${storyPath(locale, REFERENCE_SLUG)}`)).text();
  const url = /property="og:image" content="([^"]+)"/.exec(html)![1];
  const png = await (await request.get(url.replace(/^https?:\/\/[^/]+/, base))).body();
  return { url, png };
}

/** The band is ink across the card's foot, where a plain card has paper: sampled at both edges and the middle. */
async function hasBand(png: Buffer): Promise<boolean> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return [10, 600, 1190].every((x) => {
    const at = (info.width * 620 + x) * 3;
    return data[at] < 60 && data[at + 1] < 60 && data[at + 2] < 60;
  });
}

for (const locale of locales) {
  test(`${locale}: an old story says how old above its headline, on its lite page, and across its share card`, async ({
    page,
    request,
  }) => {
    const label = await expectedLabel(locale, published(locale), new Date());
    expect(label, 'the reference story is years old').toBeTruthy();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(storyPath(locale, REFERENCE_SLUG));
    const shown = page.locator('[data-age-label]');
    await expect(shown).toHaveText(label!);
    // Above the headline, inside the story's header, where a screen reader meets it before the headline too.
    expect(
      await shown.evaluate(
        (node) =>
          !!(
            node.compareDocumentPosition(document.getElementById('story-headline')!) & Node.DOCUMENT_POSITION_FOLLOWING
          ),
      ),
    ).toBe(true);
    expect(await shown.evaluate((node) => node.closest('article header') !== null)).toBe(true);
    await saveScreenshot(page, `story-${locale}-390`, false, 'age');

    const lite = await (await request.get(`${storyPath(locale, REFERENCE_SLUG)}.lite`)).text();
    expect(lite).toContain(`>${label}</p>`);

    const card = await cardOf(request, '', locale);
    expect(await hasBand(card.png)).toBe(true);
    fs.mkdirSync('artifacts/age', { recursive: true });
    fs.writeFileSync(`artifacts/age/card-${locale}.png`, card.png);
  });
}

test('a running live page has no age label however long it has run; an ended one has', async ({ request }) => {
  const running = await (await request.get(storyPath('ar', 'live-earthquake'))).text();
  const ended = await (await request.get(storyPath('ar', 'live-ended-vote'))).text();
  expect(running).not.toContain('data-age-label');
  expect(ended).toContain('data-age-label');
});

test.describe('a server whose day turns', () => {
  let server: { base: string; proc: Proc } | undefined;
  const offsetFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sahifa-clock-')), 'offset');
  const setClock = async (at: Date) => {
    fs.writeFileSync(offsetFile, String(at.getTime() - Date.now()));
    await new Promise((resolve) => setTimeout(resolve, 400));
  };
  test.afterAll(() => stop(server?.proc));

  test('serves no copy stored before the story turned old: the label and the card with its band come with the new day', async ({
    request,
  }) => {
    test.setTimeout(60_000);
    // 23:00 in Riyadh on the 29th day after publication, then 00:30 on the 30th.
    const publishedAt = published('ar');
    const dayBefore = new Date(
      Date.UTC(publishedAt.getUTCFullYear(), publishedAt.getUTCMonth(), publishedAt.getUTCDate() + 29, 20, 0),
    );
    const nextDay = new Date(dayBefore.getTime() + 90 * 60_000);
    fs.writeFileSync(offsetFile, String(dayBefore.getTime() - Date.now()));
    const started = await startSahifa({
      NODE_OPTIONS: `--import=${path.resolve('tests/fixtures/shifted-clock.mjs')}`,
      CLOCK_OFFSET_FILE: offsetFile,
    });
    server = started;
    await started.ready;
    const page = () => request.get(`${started.base}${storyPath('ar', REFERENCE_SLUG)}`);

    expect(await expectedLabel('ar', publishedAt, dayBefore)).toBeUndefined();
    const young = await cardOf(request, started.base, 'ar');
    const first = await page();
    expect(await first.text()).not.toContain('data-age-label');
    const again = await page();
    expect(again.headers().etag, 'the same day, the same stored copy').toBe(first.headers().etag);
    expect(await hasBand(young.png)).toBe(false);

    await setClock(nextDay);
    const label = await expectedLabel('ar', publishedAt, nextDay);
    expect(label).toBe('هذا الخبر نُشر قبل أكثر من 30 يومًا');
    // The first answer of the new day already has it: yesterday's copy is not served while the page renders again.
    expect(await (await page()).text()).toContain(`>${label}</p>`);
    const old = await cardOf(request, started.base, 'ar');
    expect(old.url, 'a new card URL, so platforms fetch the card with the band').not.toBe(young.url);
    expect(await hasBand(old.png)).toBe(true);
    expect(await (await request.get(`${started.base}${storyPath('ar', REFERENCE_SLUG)}.lite`)).text()).toContain(
      `>${label}</p>`,
    );
  });
});
