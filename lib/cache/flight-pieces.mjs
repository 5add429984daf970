// @ts-check
/**
 * Next writes a page's RSC payload into its HTML as one `<script>self.__next_f.push([1,"…"])</script>` per chunk of
 * the render's stream. Node 26 hands that stream over in many small chunks where Node 24 and 20 gave one: the same
 * Persian story came out in 21 scripts instead of one, 860 bytes more, each script another hash in the page's policy.
 * The client reads those strings as one stream, so text pieces that follow one another are joined into one script.
 */

/** The end of one text piece and the start of the next, with nothing between them. */
const BETWEEN_TEXT_PIECES = /"\]\)<\/script><script>self\.__next_f\.push\(\[1,"/g;

/** @param {string} html */
export function joinFlightPieces(html) {
  return html.replace(BETWEEN_TEXT_PIECES, '');
}
