/**
 * Story bodies are Markdown written by the newsroom. Raw HTML is shown as text, never injected,
 * and the page's only h1 is the headline, so body headings start at h2.
 */
import { Marked, type Tokens } from 'marked';
import { escapeMarkup } from '../xml';

/** Where a body's link may lead: the web, mail, a path on this site, an anchor (not `//host`, `/\host`). */
export const SAFE_HREF = /^(https?:|mailto:|\/(?![/\\])|#)/i;

/**
 * The browser's URL parser drops tabs and line breaks anywhere in an href, so the check must see
 * the href without them: `</\t/evil.example>` would otherwise pass as a path on this site and
 * then lead off it as `//evil.example`. (Controls and spaces at the ends, which the parser also
 * drops, can only make the check refuse.)
 */
export function withoutTabsAndLineBreaks(href: string): string {
  return href.replace(/[\t\n\r]/g, '');
}

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text, block }: Tokens.HTML | Tokens.Tag) {
      // A block of raw HTML reads as a paragraph of its own, like the text around it.
      return block ? `<p>${escapeMarkup(text.trim())}</p>\n` : escapeMarkup(text);
    },
    heading({ tokens, depth }: Tokens.Heading) {
      const level = Math.min(Math.max(depth, 2), 4);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    link({ href: written, title, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
      const href = withoutTabsAndLineBreaks(written);
      if (!SAFE_HREF.test(href)) return label;
      const external = /^https?:/i.test(href);
      const titleAttr = title ? ` title="${escapeMarkup(title)}"` : '';
      const rel = external ? ' rel="noopener noreferrer"' : '';
      return `<a href="${escapeMarkup(href)}"${titleAttr}${rel}>${label}</a>`;
    },
    image({ text: alt }: Tokens.Image) {
      // Inline images have no dimensions or credit; the hero figure is the story's picture.
      return escapeMarkup(alt);
    },
  },
});

export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown) as string;
}
