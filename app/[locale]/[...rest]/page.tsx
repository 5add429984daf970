import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { setRequestLocale } from 'next-intl/server';
import { EditorsList } from '@/components/preview/EditorsList';
import { isLocale } from '@/lib/locales';
import { inPreview } from '@/lib/preview-session';

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
async function editorsListLocale({ params }: Props) {
  const { locale, rest } = await params;
  return isLocale(locale) && rest.length === 1 && rest[0] === 'preview' && (await inPreview()) ? locale : undefined;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return (await editorsListLocale(props)) ? { robots: { index: false, follow: false } } : {};
}

export default async function CatchAll(props: Props) {
  const locale = await editorsListLocale(props);
  if (!locale) notFound();
  setRequestLocale(locale);
  return <EditorsList locale={locale} />;
}
