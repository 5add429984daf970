/**
 * The front matter every story file must carry. Dates are checked to the day: YAML would
 * otherwise roll 2024-02-31 over into March without a word.
 */
import { z } from 'zod';
import { sections } from '../sections';
import { containBidiControls } from './bidi-controls';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses an ISO date or date-time with an explicit offset. A bare date is taken as noon UTC,
 * which falls on that same calendar day in every time zone a newsroom sits in.
 */
export function parseIsoDate(value: string): Date | null {
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, offset] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 59)) return null;
  if (offset && offset !== 'Z' && (Number(offset.slice(1, 3)) > 14 || Number(offset.slice(4)) > 59)) return null;
  const date = new Date(h === undefined ? `${value}T12:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const isoDate = z.string().transform((value, ctx) => {
  const date = parseIsoDate(value);
  if (!date) {
    ctx.addIssue({ code: 'custom', message: `not a real ISO date or date-time with offset: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return date;
});

/** One line of story text: bidi controls contained (see bidi-controls.ts), trimmed, not empty. */
const text = z.string().overwrite(containBidiControls).trim().min(1, 'must not be empty');

export const storyImageSchema = z
  .object({
    src: z
      .string()
      .regex(/^\/(?!\/)(?:[\w-]+\/)*[\w.-]+\.(?:webp|avif|png|jpe?g|gif)$/i, 'must be an image file under public/, like /images/stories/name.webp')
      .refine((src) => !src.includes('..'), 'must not climb out of public/ with ..'),
    alt: text,
    caption: text.optional(),
    credit: text.optional(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  })
  .strict();

export const frontMatterSchema = z
  .object({
    title: text,
    summary: text,
    section: z.enum(sections),
    tags: z.array(text).default([]),
    publishedAt: isoDate,
    updatedAt: isoDate.optional(),
    status: z.enum(['published', 'draft']),
    image: storyImageSchema.optional(),
    sources: z.array(text).default([]),
    authors: z.array(text).optional(),
  })
  .strict()
  .superRefine((story, ctx) => {
    if (story.updatedAt && story.updatedAt < story.publishedAt) {
      ctx.addIssue({ code: 'custom', path: ['updatedAt'], message: 'is earlier than publishedAt' });
    }
  });

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type StoryImage = z.infer<typeof storyImageSchema>;
