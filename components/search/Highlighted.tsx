import { highlight } from '@/lib/search/analyze';

/** Text with the words a reader searched for marked, in any of their spellings. */
export function Highlighted({ text, terms }: { text: string; terms: ReadonlySet<string> }) {
  return highlight(text, terms).map((segment, i) =>
    segment.match ? <mark key={i}>{segment.text}</mark> : segment.text,
  );
}
