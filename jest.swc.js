/** @swc/jest transform shared by every jest config: TypeScript with Nest's decorator metadata. */
const transform = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

module.exports = transform;
/** ESM-only dependencies jest must compile to CommonJS (Node 20 loads them natively, jest does not). */
module.exports.transformIgnorePatterns = ['/node_modules/(?!(content-disposition)/)'];
