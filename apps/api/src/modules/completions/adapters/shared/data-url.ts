/** Reads `data:` image URLs and guesses image types of plain URLs for upstreams that need a MIME type. */

export interface DataUrl {
  mimeType: string;
  /** Base64 payload, unchanged. */
  data: string;
}

const DATA_URL = /^data:([a-z]+\/[a-z0-9.+-]+)(?:;[a-z-]+=[^;,]*)*;base64,(.*)$/is;

/** Parses `data:<mime>;base64,<payload>`; null when the URL is not a base64 data URL. */
export function parseDataUrl(url: string): DataUrl | null {
  const match = DATA_URL.exec(url);
  if (!match) return null;
  return { mimeType: match[1].toLowerCase(), data: match[2] };
}

const EXTENSION_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
};

/** Guesses from the path's extension; JPEG when unknown, the most common type of photos on the web. */
export function guessImageMimeType(url: string): string {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Not an absolute URL: fall back to the raw string.
  }
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return (extension && EXTENSION_TYPES[extension]) || 'image/jpeg';
}
