/** fontverter ships no types; the one call the font tests make. */
declare module 'fontverter' {
  export function convert(
    font: Buffer,
    toFormat: 'truetype' | 'woff' | 'woff2' | 'sfnt',
    fromFormat?: string,
  ): Promise<Buffer>;
}
