import type { Metadata } from 'next';
import { setRequestLocale } from 'next-intl/server';
import { NotFoundPage, notFoundMetadata } from '@/components/layout/NotFound';
import { EditorsList } from '@/components/preview/EditorsList';
import { isLocale, localeOrDefault } from '@/lib/locales';
import { previewSessionExpiry } from '@/lib/preview-session';
import { enterEdition } from '@/components/lite/render-mode';

type Props = PageProps<'/[locale]/[...rest]'>;

// Rendered on demand and cached like a story page, so its 404 carries the same caching headers.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

/**
 * /{locale}/preview is the editors' list, served from this catch-all on purpose: outside a preview
 * session it is then the very same 404 as any other unknown path, with nothing that tells it exists.
 */
async function editorsList({ params }: Props) {
  const { locale, rest } = await params;
  // The editors' list has no lite page.
  if (!isLocale(locale) || rest.length !== 1 || rest[0] !== 'preview') return undefined;
  const sessionExpiresAt = await previewSessionExpiry();
  return sessionExpiresAt === null ? undefined : { locale, sessionExpiresAt };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  if (await editorsList(props)) return { robots: { index: false, follow: false } };
  return notFoundMetadata(localeOrDefault(enterEdition((await props.params).locale)));
}

export default async function CatchAll(props: Props) {
  const list = await editorsList(props);
  if (!list) return <NotFoundPage locale={localeOrDefault(enterEdition((await props.params).locale))} />;
  setRequestLocale(list.locale);
  return <EditorsList {...list} />;
}
