import type { MetadataRoute } from 'next';
import { paths } from '@/lib/paths';
import { absoluteUrl, siteUrl } from '@/lib/site';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: ['/api/', '/*/news/*/share/', '/healthz', '/readyz', '/metrics'] },
    sitemap: [absoluteUrl(paths.sitemap()), absoluteUrl(paths.newsSitemap())],
    host: siteUrl.origin,
  };
}
