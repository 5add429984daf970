/**
 * Story bodies are Markdown written by the newsroom. Raw HTML is shown as text, never injected,
 * and the page's only h1 is the headline, so body headings start at h2.
 */
import { Marked, type Tokens } from 'marked';
import { escapeMarkup } from '../xml';

const SAFE_HREF = /^(https?:|mailto:|\/(?![/\\])|#)/i;

const marked = new Marked({
  gfm: true,
  async: false,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeMarkup(text);
    },
    heading({ tokens, depth }: Tokens.Heading) {
      const level = Math.min(Math.max(depth, 2), 4);
      return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
    },
    link({ href, title, tokens }: Tokens.Link) {
      const label = this.parser.parseInline(tokens);
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
