/**
 * WordPress HTML against an XSS corpus: an administrator's post may hold any markup (unfiltered_html),
 * and only what the Markdown renderer makes may come out, with safe links and the words still there.
 */
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { htmlToText, sanitizePostHtml } from '@/lib/content/wordpress/sanitize';

const ALLOWED: Record<string, RegExp> = {
  a: /^(href|title|rel|dir|lang)$/,
  '*': /^(dir|lang)$/,
};
const ELEMENTS = new Set([
  'p',
  'h2',
  'h3',
  'h4',
  'a',
  'strong',
  'em',
  'b',
  'i',
  'del',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'hr',
  'br',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'sup',
  'sub',
]);
const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?![/\\])|#)/i;

function elements(root: HTMLElement): HTMLElement[] {
  return root.querySelectorAll('*');
}

const corpus = [
  '<script>window.__xss=1</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<style>body{display:none}</style>',
  '<div style="background:url(javascript:alert(1))">styled</div>',
  'text <img src=x onerror=alert(1)> text',
  '<img src=x onerror=alert(1)//',
  '<svg onload=alert(1)><circle r=4 /></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="></object>',
  '<embed src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="java&#x09;script:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="//evil.example">protocol-relative</a>',
  '<a href="data:text/html,hi">data</a>',
  '<a href="https://ok.example" onclick="alert(1)">this</a>',
  '<details open ontoggle=alert(1)><summary>x</summary></details>',
  '<input autofocus onfocus=alert(1)>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:/">',
  '<link rel=stylesheet href=//evil.example/x.css>',
  '<!-- <script>alert(1)</script> -->',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><script>alert(1)</script></template>',
  '<p id="__proto__" name="constructor" class="wp-block" data-x="1">kept</p>',
  '<p dir="rtl" lang="ar" style="color:red">عربي</p>',
  '<p dir="javascript:alert(1)">x</p>',
];

describe('WordPress HTML is sanitized to the Markdown renderer’s elements', () => {
  it.each(corpus)('%s', (html) => {
    const out = sanitizePostHtml(html);
    const root = parse(`<div>${out}</div>`);
    for (const element of elements(root)) {
      const tag = element.tagName.toLowerCase();
      if (tag === 'div' && element === root.firstChild) continue;
      expect(ELEMENTS.has(tag), `${tag} in ${out}`).toBe(true);
      for (const name of Object.keys(element.attributes))
        expect(ALLOWED[tag] ?? ALLOWED['*'], `${tag} ${name} in ${out}`).toSatisfy((allowed: RegExp) =>
          allowed.test(name),
        );
      if (tag === 'a' && element.getAttribute('href') !== undefined)
        expect(element.getAttribute('href')).toMatch(SAFE_HREF);
    }
    expect(out).not.toMatch(/javascript:|on[a-z]+=|<script|<style|<iframe|<svg/i);
  });

  it('keeps what a block editor post says: paragraphs, headings (h1 → h2), lists, quotes, links, and a picture as its description', () => {
    const post = [
      '<!-- wp:heading --><h1 class="wp-block-heading">عنوان</h1><!-- /wp:heading -->',
      '<!-- wp:paragraph --><p>نص <strong>مهم</strong> و<a href="https://example.com/x">رابط</a> و<a href="/ar/news/x">داخلي</a>.</p><!-- /wp:paragraph -->',
      '<figure class="wp-block-image"><img src="https://wp.example/a.jpg" alt="صورة"/><figcaption>تعليق</figcaption></figure>',
      '<ul><li>one</li><li>two</li></ul><blockquote><p>quote</p></blockquote><h6>deep</h6>',
    ].join('\n');
    const out = sanitizePostHtml(post);
    expect(out).toContain('<h2>عنوان</h2>');
    expect(out).toContain('<a href="https://example.com/x" rel="noopener noreferrer">رابط</a>');
    expect(out).toContain('<a href="/ar/news/x">داخلي</a>');
    expect(out).toContain('صورة');
    expect(out).toContain('تعليق');
    expect(out).not.toContain('<img');
    expect(out).not.toContain('<figure');
    expect(out).toContain('<ul><li>one</li><li>two</li></ul>');
    expect(out).toContain('<blockquote><p>quote</p></blockquote>');
    expect(out).toContain('<h4>deep</h4>');
    expect(out).not.toContain('wp:');
  });

  it('reads titles and excerpts as plain text', () => {
    expect(htmlToText('Tides &amp; <em>moons</em>')).toBe('Tides & moons');
    expect(htmlToText('<p>خلاصة&nbsp;الخبر</p>\n')).toBe('خلاصة الخبر');
    expect(htmlToText('<script>alert(1)</script>safe')).toBe('safe');
  });
});
