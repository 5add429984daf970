/**
 * WordPress post HTML (block editor output) to the element set the Markdown renderer makes
 * (../markdown.ts), on a real HTML parser: rehype-parse (parse5), then rehype-sanitize with an allow-list.
 * Editors and administrators have `unfiltered_html`, so a post may hold `<script>`, `onerror`, a
 * `javascript:` link, an `<iframe>` or a `<style>`: none of it reaches a reader. Regexes and DOMPurify on a
 * fake DOM were ruled out (docs/adr/0018).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { recogniseEmbed } from '../../embeds';
import { SAFE_HREF, withoutTabsAndLineBreaks } from '../markdown';

/** What Markdown bodies can hold: paragraphs, h2–h4, lists, quotes, code, tables, links, emphasis. */
const SCHEMA: SanitizeSchema = {
  tagNames: ['p', 'h2', 'h3', 'h4', 'a', 'strong', 'em', 'b', 'i', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'sup', 'sub'],
  attributes: { a: ['href', 'title'], th: ['align'], td: ['align'], '*': [['dir', 'ltr', 'rtl', 'auto'], 'lang'] },
  protocols: { href: ['http', 'https', 'mailto'] },
  // Removed with everything inside them; any other element not listed gives way to its children.
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'svg', 'math', 'textarea', 'select', 'button', 'form', 'input', 'video', 'audio', 'canvas', 'head', 'title'],
  clobber: [],
  clobberPrefix: '',
  required: {},
  ancestors: { li: ['ol', 'ul'], tbody: ['table'], thead: ['table'], tr: ['table'], th: ['table'], td: ['table'] },
};

type Parent = Root | Element;

function descendants(node: Element): Element[] {
  return node.children.flatMap((child) => (child.type === 'element' ? [child, ...descendants(child)] : []));
}

/**
 * A paragraph of one link whose words are its address: what a Markdown body makes of a bare URL, and reads as an embed.
 */
function linkParagraph(url: string, title: string | undefined): Element {
  const link: Element = { type: 'element', tagName: 'a', properties: title ? { href: url, title } : { href: url }, children: [{ type: 'text', value: url }] };
  return { type: 'element', tagName: 'p', properties: {}, children: [link] };
}

/**
 * The post an embed block quotes, as that link paragraph (components/embeds draws it). WordPress renders the
 * block as the platform's own markup when it could fetch it (YouTube's iframe, X's blockquote and script),
 * else as the bare address: whichever it holds, the first address lib/embeds.ts recognises is the post, and
 * the frame's title or the quoted text its title. A block of an unknown platform is left to the sanitizer.
 */
function embedBlock(figure: Element): Element | undefined {
  const inside = descendants(figure);
  const addresses = [
    toText(figure, { whitespace: 'normal' }).trim(),
    ...inside.flatMap((node) => [node.properties?.src, node.properties?.href]).filter((value): value is string => typeof value === 'string'),
  ];
  const embed = addresses.map((address) => recogniseEmbed(address)).find(Boolean);
  if (!embed) return undefined;
  const frameTitle = inside.find((node) => node.tagName === 'iframe')?.properties?.title;
  const quoted = inside.find((node) => node.tagName === 'blockquote');
  const title = typeof frameTitle === 'string' ? frameTitle : quoted ? toText(quoted.children.find((child): child is Element => child.type === 'element' && child.tagName === 'p') ?? quoted, { whitespace: 'normal' }) : undefined;
  return linkParagraph(embed.url, title?.replace(/\s+/g, ' ').trim() || undefined);
}

/**
 * Embed blocks, and paragraphs that hold nothing but an embeddable address (WordPress's auto-embeds), as link
 * paragraphs.
 */
function embedsAsLinks(node: Parent) {
  node.children = node.children.map((child) => {
    if (child.type !== 'element') return child;
    const classes = child.properties?.className;
    if (child.tagName === 'figure' && Array.isArray(classes) && classes.includes('wp-block-embed')) return embedBlock(child) ?? child;
    if (child.tagName === 'p' && child.children.length === 1 && child.children[0].type === 'text') {
      const embed = recogniseEmbed(child.children[0].value.trim());
      if (embed) return linkParagraph(embed.url, undefined);
    }
    embedsAsLinks(child);
    return child;
  });
}

/** As the Markdown renderer does: the headline is the page's only h1, and an inline picture is its alt text. */
function likeMarkdown(node: Parent) {
  node.children = node.children.flatMap((child): (RootContent & ElementContent)[] => {
    if (child.type !== 'element') return [child as RootContent & ElementContent];
    if (child.tagName === 'img') {
      const alt = child.properties?.alt;
      return typeof alt === 'string' && alt.trim() ? [{ type: 'text', value: alt }] : [];
    }
    if (child.tagName === 'h1') child.tagName = 'h2';
    if (child.tagName === 'h5' || child.tagName === 'h6') child.tagName = 'h4';
    likeMarkdown(child);
    return [child];
  });
}

/**
 * Links as the Markdown renderer writes them: only where SAFE_HREF allows (the sanitizer takes `//host`
 * for a relative URL), the others giving way to their words; links off the site with rel="noopener noreferrer".
 */
function linksLikeMarkdown(node: Parent) {
  node.children = node.children.flatMap((child): (RootContent & ElementContent)[] => {
    if (child.type !== 'element') return [child as RootContent & ElementContent];
    linksLikeMarkdown(child);
    if (child.tagName !== 'a' || child.properties?.href === undefined) return [child];
    const href = withoutTabsAndLineBreaks(String(child.properties.href));
    if (!SAFE_HREF.test(href)) return child.children;
    if (/^https?:/i.test(href)) child.properties = { ...child.properties, rel: ['noopener', 'noreferrer'] };
    return [child];
  });
}

const sanitizer = unified()
  .use(rehypeParse, { fragment: true })
  .use(() => embedsAsLinks)
  .use(() => likeMarkdown)
  .use(rehypeSanitize, SCHEMA)
  .use(() => linksLikeMarkdown)
  .use(rehypeStringify);

/** A post's body, safe to put in a page as it is. */
export function sanitizePostHtml(html: string): string {
  return String(sanitizer.processSync(html)).trim();
}

const parser = unified().use(rehypeParse, { fragment: true });

/** The plain text of a rendered title or excerpt (`Tides &amp; <em>moons</em>` → `Tides & moons`). */
export function htmlToText(html: string): string {
  return toText(parser.parse(html), { whitespace: 'normal' }).replace(/\s+/g, ' ').trim();
}
