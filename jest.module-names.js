/** The tsconfig.base.json path aliases, for jest. */
const path = require('node:path');
const root = __dirname;
module.exports = {
  '^@apilink/contracts$': path.join(root, 'libs/shared/contracts/src/index.ts'),
  '^@apilink/contracts/(.*)$': path.join(root, 'libs/shared/contracts/src/$1'),
  '^@apilink/testing$': path.join(root, 'libs/shared/testing/src/index.ts'),
  '^@apilink/mock-upstream$': path.join(root, 'tools/mock-upstream/src/index.ts'),
};
