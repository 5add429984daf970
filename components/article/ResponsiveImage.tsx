import { getImageProps } from 'next/image';
import { preload as preloadResource } from 'react-dom';

interface Props {
  src: string;
  alt: string;
  width: number;
  height: number;
  sizes: string;
  /** The page's largest picture: fetched first, never lazily. */
  preload?: boolean;
  className?: string;
}

/**
 * next/image's optimised, responsive <img> (srcset, sizes, width and height) without its client
 * component: a plain element from the server, so pictures add no JavaScript to the page.
 */
export function ResponsiveImage({ preload = false, className, ...image }: Props) {
  const { props } = getImageProps({
    ...image,
    loading: preload ? 'eager' : 'lazy',
    fetchPriority: preload ? 'high' : 'auto',
  });
  if (preload)
    preloadResource(props.src, {
      as: 'image',
      imageSrcSet: props.srcSet,
      imageSizes: props.sizes,
      fetchPriority: 'high',
    });
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text
  return <img {...props} className={className} />;
}
