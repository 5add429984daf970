import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PLAIN_PAGE_CSS } from '../../lib/http/plain-page.mjs';
import {
  contentSecurityPolicy,
  storedPagePolicy,
  securityHeaders,
  securityOptionsFromEnv,
} from '../../lib/http/security-headers.mjs';

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const directive = (policy: string, name: string) => policy.split('; ').find((part) => part.startsWith(`${name} `));

describe('content security policy', () => {
  it('is strict where pages allow it', () => {
    const policy = contentSecurityPolicy();
    expect(directive(policy, 'default-src')).toBe("default-src 'self'");
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
    expect(directive(policy, 'base-uri')).toBe("base-uri 'none'");
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(policy, 'style-src')).toBe(`style-src 'self' ${hashOf(PLAIN_PAGE_CSS)}`);
    // Other origins only as frames, from the platforms a story may embed (tests/unit/embeds.test.ts).
    const elsewhere = policy.split('; ').filter((part) => !part.startsWith('frame-src '));
    expect(elsewhere.join('; ')).not.toMatch(/unsafe-eval|data:|\*|https?:/);
    expect(directive(policy, 'frame-src')).not.toMatch(/\*|http:|data:/);
    expect(policy).not.toContain('upgrade-insecure-requests');
  });

  it('lets a configured CMS frame previews and asks https sites to upgrade stray URLs', () => {
    const policy = contentSecurityPolicy({ frameAncestors: ['https://cms.example'], https: true });
    expect(directive(policy, 'frame-ancestors')).toBe('frame-ancestors https://cms.example');
    expect(policy).toContain('upgrade-insecure-requests');
  });

  it('lists the hash of each inline script a page runs, and nothing for external scripts or data blocks', () => {
    const html =
      '<script src="/_next/a.js" async=""></script><script type="application/ld+json">{"a":1}</script>' +
      '<script>(self.__next_f=self.__next_f||[]).push([0])</script><script id="_R_">boot()</script><script>(self.__next_f=self.__next_f||[]).push([0])</script>';
    expect(storedPagePolicy(html)).toBe(
      `script-src 'self' ${hashOf('(self.__next_f=self.__next_f||[]).push([0])')} ${hashOf('boot()')}; frame-src 'none'`,
    );
    expect(storedPagePolicy('<p>no scripts</p>')).toBe("script-src 'self'; frame-src 'none'");
  });
});

describe('security headers', () => {
  it('come from the environment: https from SITE_URL, HSTS unless turned off, only well-formed frame origins', () => {
    expect(securityOptionsFromEnv({ SITE_URL: 'http://localhost:3000' })).toEqual({
      https: false,
      hsts: true,
      previewFrameAncestors: [],
    });
    expect(
      securityOptionsFromEnv({
        SITE_URL: 'https://news.example',
        HSTS: 'off',
        PREVIEW_FRAME_ANCESTORS: "https://cms.example * 'unsafe-inline' https://a.example;script-src",
      }),
    ).toEqual({
      https: true,
      hsts: false,
      previewFrameAncestors: ['https://cms.example'],
    });
  });

  it('send HSTS over https only, and X-Frame-Options only where nothing may frame', () => {
    const names = (headers: [string, string][]) => headers.map(([name]) => name);
    expect(names(securityHeaders({ https: false, hsts: true, previewFrameAncestors: [] }, false))).not.toContain(
      'Strict-Transport-Security',
    );
    expect(names(securityHeaders({ https: true, hsts: true, previewFrameAncestors: [] }, false))).toContain(
      'Strict-Transport-Security',
    );
    expect(names(securityHeaders({ https: true, hsts: false, previewFrameAncestors: [] }, false))).not.toContain(
      'Strict-Transport-Security',
    );
    const cms = { https: true, hsts: true, previewFrameAncestors: ['https://cms.example'] };
    expect(names(securityHeaders(cms, false))).toContain('X-Frame-Options');
    expect(names(securityHeaders(cms, true))).not.toContain('X-Frame-Options');
  });

  it('keep whatever answers a preview out of indexes, and nothing else', () => {
    const options = { https: true, hsts: true, previewFrameAncestors: [] };
    expect(securityHeaders(options, true)).toContainEqual(['X-Robots-Tag', 'noindex']);
    expect(securityHeaders(options, false).map(([name]) => name)).not.toContain('X-Robots-Tag');
  });
});
