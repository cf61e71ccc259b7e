import { startTestApp } from '../support/test-app';

describe('configuration validation at boot', () => {
  it('refuses to start with an invalid PORT and names the variable', async () => {
    await expect(startTestApp({ env: { PORT: 'not-a-port' } })).rejects.toThrow(/PORT/);
  });

  it('refuses a DATABASE_URL that is not a postgres URL', async () => {
    await expect(startTestApp({ env: { DATABASE_URL: 'mysql://localhost/db' } })).rejects.toThrow(/DATABASE_URL must be a postgres:\/\/ URL/);
  });

  it('reports every bad variable at once', async () => {
    const failure = startTestApp({ env: { LOG_LEVEL: 'loud', REDIS_URL: 'http://nope' } });
    await expect(failure).rejects.toThrow(/LOG_LEVEL[\s\S]*REDIS_URL|REDIS_URL[\s\S]*LOG_LEVEL/);
  });

  it('refuses an invoice logo file that is missing or not an image, naming the variable', async () => {
    await expect(startTestApp({ env: { INVOICE_SELLER_LOGO_FILE: '/nonexistent/logo.png' } })).rejects.toThrow(
      /INVOICE_SELLER_LOGO_FILE cannot be read \(ENOENT\): \/nonexistent\/logo\.png/,
    );
    await expect(startTestApp({ env: { INVOICE_SELLER_LOGO_FILE: __filename } })).rejects.toThrow(
      /INVOICE_SELLER_LOGO_FILE is not a PNG or JPEG image/,
    );
  });
});
