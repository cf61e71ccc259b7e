import type { Response } from 'supertest';

/** supertest parser that keeps a binary body (a PDF) as a Buffer: `.buffer(true).parse(binaryBody)`. */
export function binaryBody(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  (response as unknown as NodeJS.ReadableStream).on('data', (chunk: Buffer) => chunks.push(chunk));
  (response as unknown as NodeJS.ReadableStream).on('end', () => callback(null, Buffer.concat(chunks)));
}
