/**
 * What the share card of a story or of the site says, in the story's language and direction.
 */
import type { StorySummary } from '../content';
import { formatDateLine } from '../dates';
import type { Locale } from '../locales';
import { editionTimeZone } from '../site';
import { shareCardVersion, type ShareCardText } from './card';

export interface CardLabels {
  brand: string;
  tagline: string;
  /** The section's name in the card's language. */
  section?: string;
  /** The live badge's word, drawn on a running live page's card. */
  live?: string;
  /** An old story's age label, drawn in a band across its card. */
  age?: string;
}

export interface VersionedCard {
  text: ShareCardText;
  /** Part of the image URL: a new headline is a new URL, so no platform keeps the old picture. */
  version: string;
}

function versioned(text: ShareCardText): VersionedCard {
  return { text, version: shareCardVersion(text) };
}

export function storyShareCard(story: StorySummary, labels: CardLabels): VersionedCard {
  return versioned({
    locale: story.locale,
    brand: labels.brand,
    kicker: labels.section,
    ...(story.live === 'live' && labels.live ? { badge: labels.live } : {}),
    ...(labels.age ? { band: labels.age } : {}),
    headline: story.title,
    fallbackHeadline: labels.tagline,
    footer: formatDateLine(story.publishedAt, story.locale, editionTimeZone(story.locale)),
  });
}

export function siteShareCard(locale: Locale, labels: CardLabels & { description: string }): VersionedCard {
  return versioned({
    locale,
    brand: labels.brand,
    kicker: labels.section,
    headline: labels.tagline,
    fallbackHeadline: labels.brand,
    footer: labels.description,
  });
}
