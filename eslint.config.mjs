import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import { boundaries } from './tools/eslint/boundaries.mjs';
import { KNOWN_BOUNDARY_VIOLATIONS } from './tools/eslint/known-boundary-violations.mjs';

export default [
  {
    ignores: [
      '**/dist',
      '**/node_modules',
      '**/.data',
      '**/.nx',
      '**/coverage',
      'test-artifacts',
      '**/*.js',
      '**/*.mjs',
      '**/__fixtures__',
    ],
  },
  ...nx.configs['flat/base'],
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // Module boundaries: apps depend on shared libs only; the contracts lib stays framework-free.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['scope:shared', 'scope:tools'] },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:shared', 'scope:tools'] },
            {
              sourceTag: 'type:contracts',
              onlyDependOnLibsWithTags: ['type:contracts'],
              bannedExternalImports: [
                '@nestjs/*',
                'typeorm',
                'class-validator',
                'class-transformer',
                'stripe',
                'bull',
                'react',
                'react-dom',
              ],
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    // Folders inside one project: see tools/eslint/boundaries.mjs.
    files: ['apps/api/src/**/*.ts', 'apps/dashboard/src/**/*.ts', 'apps/dashboard/src/**/*.tsx'],
    plugins: { apilink: boundaries },
    rules: {
      'apilink/module-private-folders': ['error', { allow: KNOWN_BOUNDARY_VIOLATIONS }],
      'apilink/feature-isolation': ['error', { allow: KNOWN_BOUNDARY_VIOLATIONS }],
    },
  },
  {
    // Production code never depends on the tools (mock upstreams, bench, catalog import); only the e2e tests under apps/api/test may.
    files: ['apps/api/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@apilink/mock-upstream', message: 'scope:tools is for tests (apps/api/test) only.' }],
          patterns: [{ group: ['**/tools/**'], message: 'scope:tools is for tests (apps/api/test) only.' }],
        },
      ],
    },
  },
  {
    // Routes come from the contracts lib (ADMIN_ROUTES.user.pattern, BILLING_ROUTES.balance, ...), as the
    // dashboard's requests do, so a path is spelled once for both sides: no string in a route decorator.
    files: ['apps/api/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'Decorator > CallExpression[callee.name=/^(Controller|Get|Post|Put|Patch|Delete|All|Head|Options|Search)$/] > :matches(Literal, TemplateLiteral)',
          message: 'Use a route constant from @apilink/contracts (add one there if it is missing), not a literal path.',
        },
        {
          // The /v1 routes are mounted on Fastify directly (LeanRoutes.mount({ url, ... })).
          selector:
            "CallExpression[callee.property.name='mount'] > ObjectExpression > Property[key.name='url'] > :matches(Literal, TemplateLiteral)",
          message: 'Use a route constant from @apilink/contracts (GATEWAY_ROUTES), not a literal path.',
        },
      ],
    },
  },
  {
    // Tests, CLIs and tools print on purpose.
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/test/**/*.ts', 'tools/**/*.ts', '**/*.cli.ts', '**/cli.ts', '**/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  prettier,
];
