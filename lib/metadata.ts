/**
 * What scrapers and search engines read: page metadata and the NewsArticle JSON-LD.
 * Every URL is absolute, from SITE_URL, and built from a path alone, so no tracking parameter a
 * visitor arrived with can leak into a canonical.
 */
import type { Metadata } from 'next';
import type { RenderedLivePost, StorySummary } from './content';
import { defaultLocale, editions, type Locale } from './locales';
import { htmlToText } from './content/wordpress/sanitize';
import { SHARE_CARD_SIZE } from './og/card';
import { paths } from './paths';
import { absoluteUrl, organizationPolicies } from './site';

export interface ShareImage {
  /** Site path of the image, with its version in the query. */
  path: string;
  alt: string;
}

export interface SiteLabels {
  siteName: string;
}

/** The RSS feed a page links with <link rel="alternate" type="application/rss+xml">. */
export interface FeedLink {
  path: string;
  title: string;
}

function feedAlternates(feed: FeedLink) {
  return { 'application/rss+xml': [{ url: absoluteUrl(feed.path), title: feed.title }] };
}

const LOGO = { path: '/brand/logo.png', width: 600, height: 60 };

const robots: Metadata['robots'] = { index: true, follow: true, 'max-image-preview': 'large' };

/** hreflang links, only where the page exists in more than one edition. */
export function languageAlternates(pathFor: (locale: Locale) => string, available: Locale[]) {
  if (available.length < 2) return undefined;
  const languages: Record<string, string> = {};
  for (const locale of available) languages[locale] = absoluteUrl(pathFor(locale));
  languages['x-default'] = absoluteUrl(pathFor(available.includes(defaultLocale) ? defaultLocale : available[0]));
  return languages;
}

function imageFields(image: ShareImage) {
  const url = absoluteUrl(image.path);
  return {
    openGraph: [
      { url, width: SHARE_CARD_SIZE.width, height: SHARE_CARD_SIZE.height, type: 'image/png', alt: image.alt },
    ],
    twitter: [{ url, alt: image.alt }],
  };
}

/** `page`: a live page's later page, its own URL and title. */
export function storyMetadata(
  story: StorySummary,
  options: SiteLabels & {
    sectionName: string;
    editions: Locale[];
    image: ShareImage;
    feed: FeedLink;
    page?: { pathFor: (locale: Locale) => string; title: string };
  },
): Metadata {
  const pathFor = options.page?.pathFor ?? ((l: Locale) => paths.story(l, story.slug));
  const url = absoluteUrl(pathFor(story.locale));
  const images = imageFields(options.image);
  return {
    title: options.page?.title ?? story.title,
    description: story.summary,
    alternates: {
      canonical: url,
      languages: languageAlternates(pathFor, options.editions),
      types: feedAlternates(options.feed),
    },
    openGraph: {
      type: 'article',
      siteName: options.siteName,
      locale: editions[story.locale].ogLocale,
      alternateLocale: options.editions.filter((l) => l !== story.locale).map((l) => editions[l].ogLocale),
      title: story.title,
      description: story.summary,
      url,
      publishedTime: story.publishedAt.toISOString(),
      modifiedTime: (story.updatedAt ?? story.publishedAt).toISOString(),
      section: options.sectionName,
      tags: story.tags,
      images: images.openGraph,
    },
    twitter: { card: 'summary_large_image', title: story.title, description: story.summary, images: images.twitter },
    robots,
  };
}

/** Home and section fronts: a website, in every edition. */
export function listingMetadata(
  locale: Locale,
  options: SiteLabels & {
    pathFor: (locale: Locale) => string;
    title: string;
    description: string;
    editions: Locale[];
    image: ShareImage;
    feed: FeedLink;
  },
): Metadata {
  const url = absoluteUrl(options.pathFor(locale));
  const images = imageFields(options.image);
  return {
    title: { absolute: options.title },
    description: options.description,
    alternates: {
      canonical: url,
      languages: languageAlternates(options.pathFor, options.editions),
      types: feedAlternates(options.feed),
    },
    openGraph: {
      type: 'website',
      siteName: options.siteName,
      locale: editions[locale].ogLocale,
      alternateLocale: options.editions.filter((l) => l !== locale).map((l) => editions[l].ogLocale),
      title: options.title,
      description: options.description,
      url,
      images: images.openGraph,
    },
    twitter: {
      card: 'summary_large_image',
      title: options.title,
      description: options.description,
      images: images.twitter,
    },
    robots,
  };
}

/** The edition's NewsMediaOrganization node's id: one per edition, as its name is. */
function organizationId(locale: Locale): string {
  return `${absoluteUrl(paths.home(locale))}#organization`;
}

function organizationCard(locale: Locale, siteName: string) {
  return {
    '@type': 'NewsMediaOrganization',
    name: siteName,
    url: absoluteUrl(paths.home(locale)),
    logo: { '@type': 'ImageObject', url: absoluteUrl(LOGO.path), width: LOGO.width, height: LOGO.height },
  };
}

/**
 * The newsroom as structured data, with where its principles, corrections policy, masthead and ethics are (home and
 * about pages).
 */
export function organizationJsonLd(locale: Locale, siteName: string) {
  return {
    '@context': 'https://schema.org',
    '@id': organizationId(locale),
    ...organizationCard(locale, siteName),
    ...organizationPolicies(locale),
  };
}

export function newsArticleJsonLd(
  story: StorySummary,
  options: SiteLabels & { sectionName: string; image: ShareImage },
) {
  const url = absoluteUrl(paths.story(story.locale, story.slug));
  const images = [absoluteUrl(options.image.path)];
  if (story.image) images.unshift(absoluteUrl(story.image.src));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.title,
    description: story.summary,
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    inLanguage: story.locale,
    datePublished: story.publishedAt.toISOString(),
    dateModified: (story.updatedAt ?? story.publishedAt).toISOString(),
    articleSection: options.sectionName,
    keywords: story.tags,
    image: images,
    author: story.authors?.length
      ? story.authors.map((name) => ({ '@type': 'Person', name }))
      : { '@type': 'Organization', name: options.siteName, url: absoluteUrl(paths.home(story.locale)) },
    // The organization's policies are on its own node (home and about pages); a story names it by @id.
    publisher: { '@id': organizationId(story.locale), ...organizationCard(story.locale, options.siteName) },
    citation: story.sources,
    ...(story.corrections.length
      ? {
          correction: story.corrections.map((correction) => ({
            '@type': 'CorrectionComment',
            text: correction.text,
            datePublished: correction.date.toISOString(),
          })),
        }
      : {}),
  };
}

/**
 * A live page: schema.org's LiveBlogPosting (a NewsArticle's fields, the coverage's start and, once it
 * has ended, its end) with the newest posts as `liveBlogUpdate`.
 */
export function liveBlogJsonLd(
  story: StorySummary,
  posts: RenderedLivePost[],
  options: Parameters<typeof newsArticleJsonLd>[1],
) {
  const newest = posts[0]?.time;
  return {
    ...newsArticleJsonLd(story, options),
    '@type': 'LiveBlogPosting',
    ...(newest && newest > (story.updatedAt ?? story.publishedAt) ? { dateModified: newest.toISOString() } : {}),
    coverageStartTime: story.publishedAt.toISOString(),
    ...(story.live === 'ended'
      ? { coverageEndTime: (newest ?? story.updatedAt ?? story.publishedAt).toISOString() }
      : {}),
    liveBlogUpdate: posts.map((post) => ({
      '@type': 'BlogPosting',
      headline: post.headline ?? story.title,
      datePublished: post.time.toISOString(),
      url: absoluteUrl(paths.livePost(story.locale, story.slug, post.id)),
      articleBody: htmlToText(post.bodyHtml),
    })),
  };
}

/** JSON for a <script> element: nothing in it can close the element or open another. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}
