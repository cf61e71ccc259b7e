// The second run of the money suites: every app and API process they start holds per request.
process.env.BILLING_LEASES = 'off';
