import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./i18n/request.ts');

const config: NextConfig = {
  poweredByHeader: false,
  // harfbuzzjs loads its WASM file from its own folder; bundling it would lose the file.
  serverExternalPackages: ['harfbuzzjs'],
  images: {
    formats: ['image/avif', 'image/webp'],
  },
};

export default withNextIntl(config);
