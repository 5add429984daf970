import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { joinFlightPieces } from '../../lib/cache/flight-pieces.mjs';

/** What the page's scripts hand Next's client: the entries of `self.__next_f`, in order. */
function pushedEntries(html: string): unknown[] {
  const self = { __next_f: [] as unknown[] };
  for (const [, body] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) vm.runInNewContext(body, { self });
  return self.__next_f;
}

/** The text the client reads as one stream: every text entry, joined. */
const streamText = (entries: unknown[]) =>
  entries
    .filter((entry): entry is [1, string] => Array.isArray(entry) && entry[0] === 1)
    .map(([, text]) => text)
    .join('');

const piece = (text: string) => `<script>self.__next_f.push([1,${JSON.stringify(text)}])</script>`;

describe('joining the RSC payload pieces of a stored page', () => {
  const rows = [
    '1:"$Sreact.fragment"\n',
    '2:I[39756,["/_next/static/chunks/a.js"],"default"]\n',
    '3:"quote \\" and \\\\"\n',
  ];
  const html =
    '<html><body><h1>خبر</h1>' +
    '<script>(self.__next_f=self.__next_f||[]).push([0])</script>' +
    rows.map(piece).join('') +
    '<div hidden></div>' +
    piece('4:"after markup"\n') +
    piece('5:"\\u003c/script\\u003e"\n') +
    '<script>self.__next_f.push([2,null])</script>' +
    '</body></html>';

  it('joins text pieces that follow one another into one script, and nothing else', () => {
    const joined = joinFlightPieces(html);
    expect(joined.match(/<script>/g)).toHaveLength(4);
    expect(joined).toContain('<h1>خبر</h1>');
    expect(joined).toContain('<script>(self.__next_f=self.__next_f||[]).push([0])</script>');
    expect(joined).toContain('<div hidden></div>');
    expect(joined).toContain('<script>self.__next_f.push([2,null])</script>');
    expect(joined.length).toBeLessThan(html.length);
  });

  it('hands the client the same stream, whatever the pieces hold', () => {
    const before = pushedEntries(html);
    const after = pushedEntries(joinFlightPieces(html));
    expect(streamText(after)).toBe(streamText(before));
    expect(after.filter((entry) => (entry as unknown[])[0] !== 1)).toEqual(
      before.filter((entry) => (entry as unknown[])[0] !== 1),
    );
  });

  it('leaves a page of one piece as it is', () => {
    const single = `<body>${piece('0:{}\n')}</body>`;
    expect(joinFlightPieces(single)).toBe(single);
  });
});
