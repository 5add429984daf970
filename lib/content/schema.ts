/**
 * The front matter every story file must carry. Dates are checked to the day: YAML would
 * otherwise roll 2024-02-31 over into March without a word.
 */
import { z } from 'zod';
import { sections } from '../sections';
import { containBidiControls } from './bidi-controls';

/**
 * An ISO date, or a date-time with Z or an offset. zod's patterns know month lengths and leap
 * years, so no day-of-month check is needed here. A bare date is taken as noon UTC, which falls
 * on that same calendar day in every time zone a newsroom sits in.
 */
const isoDate = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], {
    error: (issue) => `not a real ISO date or date-time with offset: ${JSON.stringify(issue.input)}`,
  })
  .transform((value) => new Date(value.includes('T') ? value : `${value}T12:00:00Z`));

export function parseIsoDate(value: string): Date | null {
  const result = isoDate.safeParse(value);
  return result.success ? result.data : null;
}

/** One line of story text: bidi controls contained (see bidi-controls.ts), trimmed, not empty. */
const text = z.string().overwrite(containBidiControls).trim().min(1, 'must not be empty');

export const storyImageSchema = z
  .object({
    src: z
      .string()
      // Under public/images/: the only folder the image optimizer serves (next.config.ts).
      .regex(/^\/images\/(?:[\w-]+\/)*[\w.-]+\.(?:webp|avif|png|jpe?g|gif)$/i, 'must be an image file under public/images/, like /images/stories/name.webp')
      .refine((src) => !src.includes('..'), 'must not climb out of public/ with ..'),
    alt: text,
    caption: text.optional(),
    credit: text.optional(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  })
  .strict();

/** One correction: the day (or moment) it was made and what it says. */
export const correctionSchema = z.object({ date: isoDate, text }).strict();

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
    /** A live page (lib/content/live.ts): `live` while it runs, `ended` once it stays as an archive. */
    live: z.enum(['live', 'ended']).optional(),
    /**
     * What the newsroom corrected after publishing, each dated: shown under the headline, listed at
     * /{locale}/corrections.
     */
    corrections: z.array(correctionSchema).default([]),
    /** A line on what changed in an update that corrected nothing (a new figure, a reaction added). */
    updateNote: text.optional(),
  })
  .strict()
  .superRefine((story, ctx) => {
    if (story.updatedAt && story.updatedAt < story.publishedAt) {
      ctx.addIssue({ code: 'custom', path: ['updatedAt'], message: 'is earlier than publishedAt' });
    }
    // By the calendar day (UTC): a correction written as a bare date (noon UTC) on the day of an afternoon story is
    // fine.
    const publishedDay = story.publishedAt.toISOString().slice(0, 10);
    story.corrections.forEach((correction, i) => {
      if (correction.date.toISOString().slice(0, 10) < publishedDay) ctx.addIssue({ code: 'custom', path: ['corrections', i, 'date'], message: 'is before the day of publishedAt' });
    });
  });

export type FrontMatter = z.infer<typeof frontMatterSchema>;
export type StoryImage = z.infer<typeof storyImageSchema>;
export type Correction = z.infer<typeof correctionSchema>;

/**
 * A live page's post (`stories/{slug}/live/{edition}/{id}.md`): when it happened, to the minute with its
 * offset (a bare date would put a morning's posts in one unordered lump), an optional headline, and
 * whether it is a key event or the post pinned above the stream.
 */
export const livePostSchema = z
  .object({
    time: z.iso.datetime({ offset: true, error: (issue) => `not an ISO date-time with offset: ${JSON.stringify(issue.input)}` }).transform((value) => new Date(value)),
    headline: text.optional(),
    key: z.boolean().default(false),
    pinned: z.boolean().default(false),
  })
  .strict();

export type LivePostFrontMatter = z.infer<typeof livePostSchema>;
