/**
 * Story bodies against an XSS corpus. Each payload goes through the real Markdown renderer and the
 * output is parsed as HTML: only the elements and attributes Markdown legitimately makes may come
 * out, every link must lead somewhere safe, and what the writer typed must still be there to read.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '@/lib/content/markdown';
import { parseStoryFile } from '@/lib/content/parse';

const FIXTURE = path.join(process.cwd(), 'tests/fixtures/stories/edge-xss-corpus');

/** The page a body is shown on, to resolve relative links as a browser would. */
const PAGE = new URL('https://sahifa.example/ar/news/story');

/** Elements Markdown makes, with the attributes each may carry (and what their values may be). */
const ALLOWED: Record<string, Record<string, RegExp>> = {
  p: {},
  h2: {},
  h3: {},
  h4: {},
  a: { href: /[^]*/, title: /[^]*/, rel: /^noopener noreferrer$/ },
  em: {},
  strong: {},
  del: {},
  code: { class: /^language-/ },
  pre: {},
  blockquote: {},
  ul: {},
  ol: { start: /^\d+$/ },
  li: {},
  hr: {},
  br: {},
  table: {},
  thead: {},
  tbody: {},
  tr: {},
  th: { align: /^(left|center|right)$/ },
  td: { align: /^(left|center|right)$/ },
  // GFM task lists: a checkbox nobody can tick.
  input: { type: /^checkbox$/, disabled: /^$/, checked: /^$/ },
};

/**
 * Every `<` in the output opens or closes an allowed element: raw HTML cannot pass even where a lenient parser would
 * not see an element.
 */
const ALLOWED_TAG = new RegExp(`^</?(?:${Object.keys(ALLOWED).join('|')})[\\s/>]`);

interface Payload {
  name: string;
  markdown: string;
  /** Text a reader must still see, as typed (white space folded). Defaults to the payload itself. */
  shows?: string[];
  /** How many links the payload may make. Defaults to none. */
  links?: number;
}

const SCRIPT_DATA_URL = 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==';

/** Raw HTML, which the renderer shows as text: the reader sees exactly what was typed. */
const rawHtml: Payload[] = [
  { name: 'script element', markdown: '<script>alert(1)</script>' },
  { name: 'script element inside a paragraph', markdown: 'before <script>window.__xss=1</script> after' },
  { name: 'external script in capitals', markdown: '<SCRIPT SRC=//evil.example/x.js></SCRIPT>' },
  { name: 'style element', markdown: '<style>body{display:none}</style>' },
  { name: 'style import', markdown: "<style>@import 'https://evil.example/x.css';</style>" },
  { name: 'inline style attribute', markdown: '<div style="background:url(javascript:alert(1))">styled</div>' },
  { name: 'img onerror', markdown: 'text <img src=x onerror=alert(1)> text' },
  { name: 'img onerror, unclosed', markdown: '<img src=x onerror=alert(1)//' },
  { name: 'svg onload', markdown: '<svg onload=alert(1)>' },
  { name: 'svg with script', markdown: '<svg><script>alert(1)</script></svg>' },
  {
    name: 'svg animate href',
    markdown: '<svg><a><animate attributeName=href values=javascript:alert(1) /><text x=20 y=20>tap</text></a></svg>',
  },
  { name: 'iframe javascript', markdown: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: 'iframe srcdoc', markdown: '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>' },
  { name: 'object data URL', markdown: `<object data="${SCRIPT_DATA_URL}"></object>` },
  { name: 'embed', markdown: '<embed src="javascript:alert(1)">' },
  { name: 'anchor with javascript href', markdown: '<a href="javascript:alert(1)">click</a>' },
  { name: 'anchor with an entity-split scheme', markdown: '<a href="java&#x09;script:alert(1)">click</a>' },
  { name: 'anchor with onclick', markdown: 'see <a href="https://ok.example" onclick="alert(1)">this</a>' },
  { name: 'body onload', markdown: '<body onload=alert(1)>' },
  { name: 'details ontoggle', markdown: '<details open ontoggle=alert(1)><summary>x</summary></details>' },
  { name: 'input autofocus onfocus', markdown: '<input autofocus onfocus=alert(1)>' },
  { name: 'form action', markdown: '<form action="javascript:alert(1)"><button>go</button></form>' },
  { name: 'meta refresh', markdown: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { name: 'base href', markdown: '<base href="javascript:/">' },
  { name: 'stylesheet link', markdown: '<link rel=stylesheet href=//evil.example/x.css>' },
  { name: 'HTML comment', markdown: '<!-- <script>alert(1)</script> -->' },
  { name: 'CDATA', markdown: '<![CDATA[<script>alert(1)</script>]]>' },
  { name: 'math mutation', markdown: '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>' },
  { name: 'noscript mutation', markdown: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">' },
  { name: 'template', markdown: '<template><script>alert(1)</script></template>' },
  { name: 'svg style mutation', markdown: '<svg><p><style><img src=x onerror=alert(1)></style></p></svg>' },
  { name: 'NUL inside a tag name', markdown: 'a <scr\u0000ipt>alert(1)</scr\u0000ipt> b', shows: ['alert(1)'] },
  { name: 'zero-width space inside a tag name', markdown: 'a <scr\u200Bipt>alert(1)</scr\u200Bipt> b' },
];

/** Text that looks like markup or breaks out of attributes: shown as typed. */
const markupLookingText: Payload[] = [
  { name: 'attribute-breaking quotes', markdown: '"><img src=x onerror=alert(1)>' },
  { name: 'classic filter probe', markdown: `'';!--"<XSS>=&{()}` },
  {
    name: 'entities that spell a tag',
    markdown: '&lt;script&gt;alert(1)&lt;/script&gt;',
    shows: ['<script>alert(1)</script>'],
  },
  {
    name: 'numeric entities that spell a tag',
    markdown: '&#60;img src=x onerror=alert(1)&#62;',
    shows: ['<img src=x onerror=alert(1)>'],
  },
  { name: 'fullwidth brackets', markdown: '＜script＞alert(1)＜/script＞' },
  { name: 'inline code', markdown: '`<script>alert(1)</script>`', shows: ['<script>alert(1)</script>'] },
  {
    name: 'code fence with a hostile language',
    markdown: '```"><script>alert(1)</script>\nconst a = "<b>";\n```',
    shows: ['const a = "<b>";'],
  },
  {
    name: 'heading with markup, at h1',
    markdown: '# <img src=x onerror=alert(1)>',
    shows: ['<img src=x onerror=alert(1)>'],
  },
  { name: 'heading at h6', markdown: '###### deep <b>heading</b>', shows: ['deep <b>heading</b>'] },
  {
    name: 'table with markup',
    markdown: '| a | b |\n|:-|-:|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |',
    shows: ['<script>alert(1)</script>', 'x'],
  },
  { name: 'right-to-left override in text', markdown: 'قبل \u202Etxet desrever بعد', shows: ['\u202Etxet desrever'] },
];

/** Links and pictures. A refused link keeps its words; a picture becomes its description. */
const linksAndImages: Payload[] = [
  { name: 'javascript link', markdown: '[x](javascript:alert(1))', shows: ['x'] },
  { name: 'javascript link in mixed case', markdown: '[x](JaVaScRiPt:alert(1))', shows: ['x'] },
  { name: 'javascript link with an entity tab', markdown: '[x](java&#x09;script:alert(1))', shows: ['x'] },
  { name: 'javascript link with an entity letter', markdown: '[x](&#106;avascript:alert(1))', shows: ['x'] },
  {
    name: 'javascript link with entity letters and colon',
    markdown: '[x](&#x6A;avascript&#x3A;alert(1))',
    shows: ['x'],
  },
  { name: 'javascript link with a tab', markdown: '[x](<java\tscript:alert(1)>)', shows: ['x'] },
  { name: 'javascript link with a leading space', markdown: '[x](< javascript:alert(1)>)', shows: ['x'] },
  { name: 'javascript link with a leading control', markdown: '[x](\u0001javascript:alert(1))', shows: ['x'] },
  { name: 'javascript link behind a backslash', markdown: '[x](\\javascript:alert(1))', shows: ['x'] },
  { name: 'javascript link percent-encoded', markdown: '[x](%6Aavascript:alert(1))', shows: ['x'] },
  { name: 'javascript link with a zero-width space', markdown: '[x](java\u200Bscript:alert(1))', shows: ['x'] },
  { name: 'data URL link', markdown: `[x](${SCRIPT_DATA_URL})`, shows: ['x'] },
  { name: 'vbscript link', markdown: '[x](vbscript:msgbox(1))', shows: ['x'] },
  { name: 'protocol-relative link', markdown: '[x](//evil.example)', shows: ['x'] },
  { name: 'backslash-relative link', markdown: '[x](/\\evil.example)', shows: ['x'] },
  { name: 'path link that a tab turns protocol-relative', markdown: '[x](</\t/evil.example>)', shows: ['x'] },
  { name: 'path link with an escaped slash', markdown: '[x](/&#x2F;evil.example)', shows: ['x'], links: 1 },
  { name: 'reference link to javascript', markdown: '[x][1]\n\n[1]: javascript:alert(1)', shows: ['x'] },
  {
    name: 'reference link with a quote-breaking title',
    markdown: '[x][1]\n\n[1]: https://ok.example "a\\" onmouseover=\\"alert(1)"',
    shows: ['x'],
    links: 1,
  },
  { name: 'autolink to javascript', markdown: '<javascript:alert(1)>', shows: ['javascript:alert(1)'] },
  { name: 'autolink to vbscript', markdown: '<vbscript:msgbox(1)>', shows: ['vbscript:msgbox(1)'] },
  { name: 'autolink to a data URL', markdown: '<data:text/html,hello>', shows: ['data:text/html,hello'] },
  {
    name: 'autolink with quotes',
    markdown: '<https://ok.example/a"onmouseover="alert(1)>',
    shows: ['https://ok.example/a"onmouseover="alert(1)'],
    links: 1,
  },
  {
    name: 'bare web address with quotes',
    markdown: 'www.ok.example/"onmouseover="alert(1)',
    shows: ['www.ok.example/"onmouseover="alert(1)'],
    links: 1,
  },
  {
    name: 'link title with double quotes',
    markdown: '[x](https://ok.example "\\"onmouseover=\\"alert(1)")',
    shows: ['x'],
    links: 1,
  },
  {
    name: 'link title with single quotes',
    markdown: "[x](https://ok.example 'a\\' onmouseover=alert(1) b=\\'')",
    shows: ['x'],
    links: 1,
  },
  { name: 'fragment link with quotes', markdown: '[x](#"onmouseover="alert(1))', shows: ['x'], links: 1 },
  {
    name: 'mailto link with markup',
    markdown: '[x](mailto:a@ok.example?subject="><script>alert(1)</script>)',
    shows: ['x'],
    links: 1,
  },
  {
    name: 'link text spelled with entities',
    markdown: '[&lt;script&gt;alert(1)&lt;/script&gt;](https://ok.example)',
    shows: ['<script>alert(1)</script>'],
    links: 1,
  },
  {
    name: 'link text with fullwidth brackets and zero-width joiners',
    markdown: '[＜script＞ok\u200D.example](https://ok.example)',
    shows: ['＜script＞ok\u200D.example'],
    links: 1,
  },
  {
    name: 'right-to-left override in link text',
    markdown: '[\u202Egnp.exe](https://ok.example/)',
    shows: ['\u202Egnp.exe'],
    links: 1,
  },
  {
    name: 'right-to-left override in a link target',
    markdown: '[x](https://ok.example/\u202Egnp.exe)',
    shows: ['x'],
    links: 1,
  },
  { name: 'image to javascript', markdown: '![a picture](javascript:alert(1))', shows: ['a picture'] },
  {
    name: 'image with onerror in alt and title',
    markdown: '![x" onerror="alert(1)](https://ok.example/a.png "y\\" onerror=\\"alert(2)")',
    shows: ['x" onerror="alert(1)'],
  },
  {
    name: 'image with markup in alt',
    markdown: '![<img src=x onerror=alert(1)>](x.png)',
    shows: ['<img src=x onerror=alert(1)>'],
  },
  {
    name: 'image to a data URL inside a safe link',
    markdown: `[![a picture](${SCRIPT_DATA_URL})](https://ok.example)`,
    shows: ['a picture'],
    links: 1,
  },
];

const corpus = [...rawHtml, ...markupLookingText, ...linksAndImages];

function fold(text: string) {
  return text.replace(/\s+/g, ' ').trim();
}

/** Where a link leads, as a browser would resolve it; null when it may not be on a story page. */
function unsafeHref(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href, PAGE);
  } catch {
    return null; // a browser would not follow it either
  }
  if (url.protocol === 'mailto:') return null;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `${url.protocol} link`;
  // Off the site only when the writer said so with a full address: never through a path that turns out to be another
  // host.
  if (url.origin !== PAGE.origin && !/^https?:\/\//i.test(href))
    return `link to ${url.origin} from ${JSON.stringify(href)}`;
  return null;
}

/** What is wrong with one rendered body: elements, attributes and links outside the rules. */
function problemsOf(html: string): string[] {
  const problems: string[] = [];
  for (const [at] of html.matchAll(/<[^]{0,20}/g)) {
    if (!ALLOWED_TAG.test(at)) problems.push(`raw markup: ${JSON.stringify(at)}`);
  }
  for (const element of parse(html).querySelectorAll('*')) {
    const tag = element.rawTagName.toLowerCase();
    const allowed = ALLOWED[tag];
    if (!allowed) {
      problems.push(`element <${tag}>`);
      continue;
    }
    for (const [name, value] of Object.entries(element.attributes)) {
      if (/^on/i.test(name)) problems.push(`event handler ${name} on <${tag}>`);
      else if (!allowed[name.toLowerCase()]?.test(value))
        problems.push(`attribute ${name}=${JSON.stringify(value)} on <${tag}>`);
    }
    const href = element.getAttribute('href');
    if (tag === 'a' && href === undefined) problems.push('a link without a target');
    if (href !== undefined) {
      const unsafe = unsafeHref(href);
      if (unsafe) problems.push(unsafe);
    }
  }
  return problems;
}

describe('story bodies against an XSS corpus', () => {
  it('holds a real corpus', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(40);
    expect(new Set(corpus.map((payload) => payload.name)).size).toBe(corpus.length);
  });

  it.each(corpus)('$name: only allowed elements, attributes and links', ({ markdown }) => {
    expect(problemsOf(markdownToHtml(markdown))).toEqual([]);
  });

  it.each(corpus)('$name: still reads as typed', ({ markdown, shows, links = 0 }) => {
    const root = parse(markdownToHtml(markdown));
    const text = fold(root.textContent);
    for (const piece of shows ?? [markdown]) expect(text).toContain(fold(piece));
    expect(root.querySelectorAll('a')).toHaveLength(links);
  });

  it('the whole corpus in one body is just as clean', () => {
    const body = corpus.map((payload) => payload.markdown).join('\n\n');
    expect(problemsOf(markdownToHtml(body))).toEqual([]);
  });

  it.each(['ar', 'en'] as const)('the %s edition of the end-to-end fixture story is just as clean', (locale) => {
    const file = path.join(FIXTURE, `${locale}.md`);
    const { story, problems } = parseStoryFile(fs.readFileSync(file, 'utf8'), {
      slug: 'edge-xss-corpus',
      locale,
      file,
    });
    expect(problems).toEqual([]);
    const html = markdownToHtml(story!.body);
    expect(problemsOf(html)).toEqual([]);
    expect(parse(html).querySelectorAll('a').length).toBeGreaterThan(0);
  });

  it('the checks catch what they look for', () => {
    expect(problemsOf('<p onclick="x">a</p>')).toEqual(['event handler onclick on <p>']);
    expect(problemsOf('<img src=x>')).toEqual(['raw markup: "<img src=x>"', 'element <img>']);
    expect(problemsOf('<a href="java\tscript:alert(1)">a</a>')).toEqual(['javascript: link']);
    expect(problemsOf('<a href="/&#9;/evil.example">a</a>')).toEqual([
      'link to https://evil.example from "/\\t/evil.example"',
    ]);
    expect(problemsOf('<p>&lt;b&gt;</p>')).toEqual([]);
  });

  it('links that are fine stay links, with only their target, title and rel', () => {
    const html = markdownToHtml(
      '[a](https://ok.example/x?a=1&b=2 "T") [b](/ar/news/other) [c](#notes) [d](mailto:desk@ok.example)',
    );
    const links = parse(html).querySelectorAll('a');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'https://ok.example/x?a=1&b=2',
      '/ar/news/other',
      '#notes',
      'mailto:desk@ok.example',
    ]);
    expect(links[0].attributes).toEqual({
      href: 'https://ok.example/x?a=1&b=2',
      title: 'T',
      rel: 'noopener noreferrer',
    });
    expect(problemsOf(html)).toEqual([]);
  });
});
