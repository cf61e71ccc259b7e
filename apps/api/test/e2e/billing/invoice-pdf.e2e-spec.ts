import path from 'node:path';
import { BILLING_ROUTES, type InvoiceSummary } from '@apilink/contracts';
import { pdfText, rasterize } from '../../../src/modules/invoices/renderer/__testing__/pdf-raster';
import { binaryBody } from '../../support/binary-body';
import { startTestApp, type TestApp } from '../../support/test-app';
import { TestSession } from '../../support/test-session';

const LOGO_FILE = path.resolve(__dirname, '../../../src/modules/invoices/renderer/__fixtures__/seller-logo.png');
const SCREENSHOT = path.resolve(__dirname, '../../../../../test-artifacts/screenshots/invoice-e2e-configured-seller.png');

/** The invoice PDF a customer downloads, with the seller configured through INVOICE_SELLER_*, as it renders. */
describe('invoice PDF with a configured seller', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({
      env: {
        INVOICE_SELLER_NAME: 'Example Reseller GmbH',
        INVOICE_SELLER_ADDRESS: 'Torstrasse 1;10119 Berlin;Germany',
        INVOICE_SELLER_VAT_ID: 'DE811111111',
        INVOICE_SELLER_EMAIL: 'billing@reseller.example',
        INVOICE_SELLER_LOGO_FILE: LOGO_FILE,
      },
    });
  });
  afterAll(() => testApp?.close());

  it("prints the seller's block and logo, the customer's billing details and the reverse-charge VAT line", async () => {
    const session = await TestSession.create(testApp, { withKey: false });
    await session
      .api('put', BILLING_ROUTES.details)
      .send({
        company: 'Acme SAS',
        addressLine1: '5 rue de la Paix',
        city: 'Paris',
        postalCode: '75002',
        country: 'FR',
        vatId: 'FR12345678901',
      })
      .expect(200);
    const checkout = await session.api('post', BILLING_ROUTES.checkout).send({ amountUsd: '40' }).expect(201);
    await session.api('post', BILLING_ROUTES.completeTestPayment(checkout.body.paymentId)).expect(200);
    const [invoice] = (await session.api('get', BILLING_ROUTES.invoices).expect(200)).body.data as InvoiceSummary[];

    const pdf = (await session.api('get', BILLING_ROUTES.invoicePdf(invoice.id)).buffer(true).parse(binaryBody).expect(200)).body as Buffer;
    const page = rasterize(pdf, SCREENSHOT);
    expect(page.darkPixels({ x: 385, y: 40, width: 160, height: 64 })).toBeGreaterThan(2000);
    const text = pdfText(pdf);
    for (const printed of ['Example Reseller GmbH', 'Torstrasse 1', '10119 Berlin', 'VAT ID: DE811111111', 'billing@reseller.example'])
      expect(text).toContain(printed);
    for (const printed of ['Acme SAS', '5 rue de la Paix', '75002 Paris', 'VAT ID: FR12345678901']) expect(text).toContain(printed);
    // A long email wraps inside its column.
    expect(text.replace(/\s+/g, '')).toContain(session.email);
    expect(text).toMatch(/VAT 0%\s+USD 0\.00/);
    expect(text).toMatch(/Total\s+USD 40\.00/);
    expect(text).toContain('Reverse charge');
  });
});
