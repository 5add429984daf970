import { describe, expect, it } from 'vitest';
import { isPlatform, platforms, shareLink, trackedUrl } from '@/lib/share';

const story = {
  url: `https://sahifa.example/ar/news/${encodeURIComponent('قصة-عربية')}`,
  title: 'عنوان "مقتبس" & #وسم 🎉 \u200Fمع علامة اتجاه',
};

function params(link: string) {
  const url = new URL(link);
  return { host: url.host, path: url.pathname, params: Object.fromEntries(url.searchParams) };
}

describe('trackedUrl', () => {
  it('adds the source to the canonical URL and keeps its path encoded', () => {
    expect(trackedUrl(story.url, 'whatsapp')).toBe(`${story.url}?utm_source=whatsapp&utm_medium=social`);
    expect(trackedUrl(story.url, 'email')).toBe(`${story.url}?utm_source=email&utm_medium=email`);
  });
});

describe('shareLink', () => {
  it('builds each platform link in its documented format, with the tracked URL and the title intact', () => {
    const tracked = (source: string) => trackedUrl(story.url, source as never);
    expect(params(shareLink('whatsapp', story))).toEqual({
      host: 'wa.me',
      path: '/',
      params: { text: `${story.title}\n${tracked('whatsapp')}` },
    });
    expect(params(shareLink('telegram', story))).toEqual({
      host: 't.me',
      path: '/share/url',
      params: { url: tracked('telegram'), text: story.title },
    });
    expect(params(shareLink('x', story))).toEqual({
      host: 'x.com',
      path: '/intent/tweet',
      params: { url: tracked('x'), text: story.title },
    });
    expect(params(shareLink('facebook', story))).toEqual({
      host: 'www.facebook.com',
      path: '/sharer/sharer.php',
      params: { u: tracked('facebook') },
    });
    expect(params(shareLink('linkedin', story))).toEqual({
      host: 'www.linkedin.com',
      path: '/sharing/share-offsite/',
      params: { url: tracked('linkedin') },
    });
    const mail = shareLink('email', story);
    expect(mail.startsWith('mailto:?')).toBe(true);
    const mailParams = new URLSearchParams(mail.slice('mailto:?'.length));
    expect(mailParams.get('subject')).toBe(story.title);
    expect(mailParams.get('body')).toBe(tracked('email'));
  });

  it('leaves no raw quote, ampersand, hash, space or non-ASCII character in any link', () => {
    for (const platform of platforms) {
      const link = shareLink(platform, story);
      const query = link.slice(link.indexOf('?') + 1);
      for (const pair of query.split('&')) expect(pair.split('=')[1]).toMatch(/^[A-Za-z0-9%._~*'()!-]*$/);
      expect(link).not.toMatch(/[\s"#\u0080-\uFFFF]/);
    }
  });
});

describe('isPlatform', () => {
  it('takes the platforms and nothing else, whatever a URL segment holds', () => {
    for (const platform of platforms) expect(isPlatform(platform)).toBe(true);
    for (const other of ['', 'WhatsApp', 'constructor', '__proto__', 'email ', 'sms'])
      expect(isPlatform(other)).toBe(false);
  });
});
