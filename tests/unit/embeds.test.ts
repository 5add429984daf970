/**
 * Embeds: which addresses name a post or video, what a body with them becomes, what WordPress's embed blocks
 * become, and the frame policy of a page that has them.
 */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { sanitizePostHtml } from '@/lib/content/wordpress/sanitize';
import { markdownToHtml } from '@/lib/content/markdown';
import { drawEmbeds, recogniseEmbed, type EmbedWords } from '@/lib/embeds';
import { contentSecurityPolicy, storedPagePolicy } from '@/lib/http/security-headers.mjs';

describe('recogniseEmbed', () => {
  it('knows the five platforms by their usual addresses and rebuilds each from what it recognised', () => {
    expect(recogniseEmbed('https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=42s&utm_source=x')).toEqual({
      provider: 'youtube',
      url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
      frameSrc: 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    });
    for (const address of [
      'https://youtu.be/dQw4w9WgXcQ',
      'https://m.youtube.com/shorts/dQw4w9WgXcQ',
      'http://youtube.com/embed/dQw4w9WgXcQ?feature=oembed',
    ]) {
      expect(recogniseEmbed(address)?.frameSrc, address).toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ');
    }
    expect(recogniseEmbed('https://twitter.com/AJArabic/status/1849763201234567890?s=20')).toEqual({
      provider: 'x',
      url: 'https://x.com/AJArabic/status/1849763201234567890',
      frameSrc: 'https://platform.twitter.com/embed/Tweet.html?id=1849763201234567890&dnt=true',
      author: '@AJArabic',
    });
    expect(recogniseEmbed('https://www.instagram.com/reel/C9xYz_AbCdE/?igsh=abc')).toMatchObject({
      provider: 'instagram',
      frameSrc: 'https://www.instagram.com/reel/C9xYz_AbCdE/embed/',
    });
    expect(recogniseEmbed('https://www.tiktok.com/@bbcnews/video/7301234567890123456')).toMatchObject({
      provider: 'tiktok',
      author: '@bbcnews',
      frameSrc: 'https://www.tiktok.com/embed/v2/7301234567890123456',
    });
    expect(recogniseEmbed('https://www.facebook.com/aljazeera/videos/123456789')).toMatchObject({
      provider: 'facebook',
      author: 'aljazeera',
      frameSrc: `https://www.facebook.com/plugins/video.php?href=${encodeURIComponent('https://www.facebook.com/aljazeera/videos/123456789')}`,
    });
    expect(recogniseEmbed('https://www.facebook.com/watch/?v=987654321')?.url).toBe(
      'https://www.facebook.com/watch/?v=987654321',
    );
  });

  it('leaves every other address a link: another site or path, another scheme, a malformed id, credentials, a huge address', () => {
    for (const address of [
      'https://example.com/watch?v=dQw4w9WgXcQ',
      'https://www.youtube.com/channel/UC123',
      'https://www.youtube.com/watch?v=dQw4w9WgXc"',
      'https://www.youtube.com/watch?v=<script>abc',
      'https://youtu.be/dQw4w9WgXcQ"onload="x',
      'javascript:alert(1)//https://youtu.be/dQw4w9WgXcQ',
      'data:text/html,https://x.com/a/status/1',
      'https://user:pass@x.com/a/status/1',
      'https://x.com:8443/a/status/1',
      'https://x.com/a/likes',
      'https://x.com/name-with-dash/status/1',
      'https://www.tiktok.com/bbcnews/video/1',
      'https://www.facebook.com/sharer/sharer.php?u=x',
      `https://x.com/a/status/1?${'q=1&'.repeat(1000)}`,
      'not a url',
    ]) {
      expect(recogniseEmbed(address), address).toBeUndefined();
    }
  });
});

/** Words as keys, so what the markup says is visible without an edition's messages. */
const words: EmbedWords = (key, values) => (values?.provider ? `${key}(${values.provider})` : key);

describe('drawEmbeds', () => {
  const body = markdownToHtml(
    [
      'Before.',
      'https://youtu.be/dQw4w9WgXcQ',
      'https://x.com/AJArabic/status/1849763201234567890',
      '[A link with words](https://youtu.be/dQw4w9WgXcQ)',
      'Read https://youtu.be/dQw4w9WgXcQ inside a sentence.',
      'https://example.com/video/1',
      '<https://youtu.be/bad"id>',
    ].join('\n\n'),
  );

  it('turns each paragraph that is only an embeddable address into a card, a hidden button and skip links, in order', () => {
    const { html, embeds } = drawEmbeds(body, words, true);
    expect(embeds).toBe(2);
    const root = parse(html);
    const figures = root.querySelectorAll('figure[data-embed]');
    expect(figures.map((figure) => figure.getAttribute('data-embed'))).toEqual(['youtube', 'x']);
    const [video, post] = figures;
    expect(video.getAttribute('aria-label')).toBe('label(providers.youtube)');
    expect(video.querySelector('.embed-skip')!.getAttribute('href')).toBe('#embed-end-1');
    expect(video.querySelector('#embed-end-1')!.text).toBe('end(providers.youtube)');
    expect(video.querySelector('blockquote a')!.getAttribute('href')).toBe(
      'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    );
    const consent = video.querySelector('[data-embed-consent]')!;
    expect(consent.hasAttribute('hidden')).toBe(true);
    expect(consent.querySelector('button')!.getAttribute('data-embed-load')).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    );
    expect(post.querySelector('bdi')!.text).toBe('@AJArabic');
    expect(post.querySelector('#embed-end-2')).not.toBeNull();
    // No frame is in the page: only the button's data names it.
    expect(html).not.toContain('<iframe');
  });

  it('leaves links with words, addresses inside sentences, unknown platforms and malformed ids as they were', () => {
    const { html } = drawEmbeds(body, words, true);
    expect(html).toContain('>A link with words</a>');
    expect(html).toContain('Read <a href="https://youtu.be/dQw4w9WgXcQ"');
    expect(html).toContain(
      '<a href="https://example.com/video/1" rel="noopener noreferrer">https://example.com/video/1</a>',
    );
    expect(parse(html).querySelectorAll('figure')).toHaveLength(2);
  });

  it('draws no button for a lite page, and changes nothing in a body without embeds', () => {
    const lite = drawEmbeds(body, words, false);
    expect(lite.embeds).toBe(2);
    expect(lite.html).not.toContain('data-embed-load');
    const plain = markdownToHtml('Just words, and [a link](https://example.com).');
    expect(drawEmbeds(plain, words, true)).toEqual({ html: plain, embeds: 0 });
  });

  it('escapes a title that holds markup', () => {
    const html =
      '<p><a href="https://youtu.be/dQw4w9WgXcQ" title="&lt;img src=x onerror=alert(1)&gt;" rel="noopener noreferrer">https://youtu.be/dQw4w9WgXcQ</a></p>';
    const drawn = drawEmbeds(html, words, true).html;
    expect(parse(drawn).querySelector('.embed-title')!.text).toBe('<img src=x onerror=alert(1)>');
    expect(drawn).not.toContain('<img');
  });
});

describe('WordPress embed blocks', () => {
  const drawn = (html: string) => drawEmbeds(sanitizePostHtml(html), words, true);

  it('become the quoted post, whether WordPress fetched its markup or left the bare address', () => {
    const bare = drawn(
      '<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n</div></figure>',
    );
    expect(bare.embeds).toBe(1);
    const fetched = drawn(
      '<figure class="wp-block-embed is-type-video is-provider-youtube"><div class="wp-block-embed__wrapper"><iframe title="Minister speaks" src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed"></iframe></div></figure>',
    );
    expect(parse(fetched.html).querySelector('.embed-title')!.text).toBe('Minister speaks');
    const tweet = drawn(
      '<figure class="wp-block-embed is-type-rich is-provider-twitter"><div class="wp-block-embed__wrapper"><blockquote class="twitter-tweet"><p lang="ar">نص التغريدة</p>&mdash; Al Jazeera (@AJArabic) <a href="https://twitter.com/AJArabic/status/1849763201234567890?ref_src=twsrc">October 25, 2024</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script></div></figure>',
    );
    expect(tweet.embeds).toBe(1);
    const figure = parse(tweet.html).querySelector('figure')!;
    expect(figure.querySelector('.embed-title')!.text).toBe('نص التغريدة');
    expect(figure.querySelector('blockquote a')!.getAttribute('href')).toBe(
      'https://x.com/AJArabic/status/1849763201234567890',
    );
    expect(tweet.html).not.toContain('widgets.js');
  });

  it('takes a paragraph of a bare address as WordPress auto-embeds it, and leaves an unknown platform to the sanitizer', () => {
    expect(drawn('<p>https://www.tiktok.com/@bbcnews/video/7301234567890123456</p>').embeds).toBe(1);
    const unknown = drawn(
      '<figure class="wp-block-embed is-provider-vimeo"><div class="wp-block-embed__wrapper"><iframe src="https://player.vimeo.com/video/1"></iframe></div></figure>',
    );
    expect(unknown.embeds).toBe(0);
    expect(unknown.html).not.toContain('iframe');
    expect(
      drawn('<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">javascript:alert(1)</div></figure>')
        .html,
    ).not.toContain('href="javascript');
  });
});

describe('frames in the security policy', () => {
  it('are allowed from the five platforms by the baseline, and narrowed by each stored page to its own embeds', () => {
    expect(contentSecurityPolicy()).toContain(
      'frame-src https://www.youtube-nocookie.com https://platform.twitter.com https://www.instagram.com https://www.tiktok.com https://www.facebook.com',
    );
    const page = drawEmbeds(
      markdownToHtml('https://youtu.be/dQw4w9WgXcQ\n\nhttps://x.com/AJArabic/status/1\n\nhttps://youtu.be/aaaaaaaaaaa'),
      words,
      true,
    ).html;
    expect(storedPagePolicy(page)).toMatch(
      /; frame-src https:\/\/platform\.twitter\.com https:\/\/www\.youtube-nocookie\.com$/,
    );
    expect(storedPagePolicy('<p>no embeds</p>')).toBe("script-src 'self'; frame-src 'none'");
    expect(storedPagePolicy('<button data-embed-load="https://evil.example/x">')).toContain("frame-src 'none'");
  });
});
