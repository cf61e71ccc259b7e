import { guessImageMimeType, parseDataUrl } from './data-url';

describe('parseDataUrl', () => {
  it('splits a base64 data URL into MIME type and payload', () => {
    expect(parseDataUrl('data:image/png;base64,iVBORw0KGgo=')).toEqual({ mimeType: 'image/png', data: 'iVBORw0KGgo=' });
  });

  it('accepts parameters before the base64 marker and normalises the type case', () => {
    expect(parseDataUrl('data:Image/JPEG;name=a.jpg;base64,/9j/4AAQ')).toEqual({ mimeType: 'image/jpeg', data: '/9j/4AAQ' });
  });

  it('returns null for URLs that are not base64 data URLs', () => {
    expect(parseDataUrl('data:text/plain,hello')).toBeNull();
    expect(parseDataUrl('https://example.com/a.png')).toBeNull();
  });
});

describe('guessImageMimeType', () => {
  it('reads the extension of the path, ignoring the query string', () => {
    expect(guessImageMimeType('https://cdn.example.com/cat.PNG?size=large')).toBe('image/png');
    expect(guessImageMimeType('https://cdn.example.com/x/photo.webp')).toBe('image/webp');
  });

  it('falls back to JPEG when the extension says nothing', () => {
    expect(guessImageMimeType('https://cdn.example.com/image?id=42')).toBe('image/jpeg');
  });
});
