// Import rules Nx's project-level boundaries cannot express, because they are about folders inside
// one project: an API module's entities, DTOs and mappers are private to it, and a dashboard
// feature does not import another. Paths are resolved, so `../billing/mappers/x` and
// `../../modules/billing/mappers/x` are the same import. Known violations are listed in
// `allow` as "importer -> target" (repo-relative, no extension) and only ever shrink.
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function resolved(context, source) {
  if (!source.startsWith('.')) return null;
  return relative(root, resolve(dirname(context.filename), source)).replace(/\.(ts|tsx)$/, '');
}

function importRule(description, check) {
  return {
    meta: {
      type: 'problem',
      docs: { description },
      schema: [{ type: 'object', properties: { allow: { type: 'array', items: { type: 'string' } } }, additionalProperties: false }],
      messages: { forbidden: '{{reason}}' },
    },
    create(context) {
      const allow = new Set(context.options[0]?.allow ?? []);
      const importer = relative(root, context.filename).replace(/\.(ts|tsx)$/, '');
      const visit = (node) => {
        if (!node.source || typeof node.source.value !== 'string') return;
        const target = resolved(context, node.source.value);
        if (target === null) return;
        const reason = check(importer, target);
        if (reason && !allow.has(`${importer} -> ${target}`))
          context.report({ node: node.source, messageId: 'forbidden', data: { reason } });
      };
      return { ImportDeclaration: visit, ExportNamedDeclaration: visit, ExportAllDeclaration: visit, ImportExpression: visit };
    },
  };
}

const API_MODULE = /^apps\/api\/src\/modules\/([^/]+)\//;
const PRIVATE_FOLDER = /^apps\/api\/src\/modules\/([^/]+)\/(?:.+\/)?(entities|dto|mappers)\//;

// admin/ is a group of staff features that share admin/components, admin/api (queries more than one
// staff page uses) and the files at admin/*.ts; other folders are one feature each.
const SHARED_ADMIN_FOLDERS = new Set(['components', 'api']);
function dashboardFeature(path) {
  const match = /^apps\/dashboard\/src\/features\/(.+)$/.exec(path);
  if (!match) return null;
  const segments = match[1].split('/');
  if (segments[0] !== 'admin') return segments[0];
  return segments.length <= 2 || SHARED_ADMIN_FOLDERS.has(segments[1]) ? 'admin' : `admin/${segments[1]}`;
}

export const boundaries = {
  rules: {
    'module-private-folders': importRule(
      "An API module's entities, dto and mappers folders are private: other code uses its exported services.",
      (importer, target) => {
        const owner = PRIVATE_FOLDER.exec(target);
        if (!owner) return null;
        const from = API_MODULE.exec(importer)?.[1];
        return from === owner[1]
          ? null
          : `${target} is private to the ${owner[1]} module; use one of its exported services or contract types`;
      },
    ),
    'feature-isolation': importRule(
      'A dashboard feature does not import another feature; shared code lives in src/components, src/hooks or src/lib.',
      (importer, target) => {
        const from = dashboardFeature(importer);
        const to = dashboardFeature(target);
        if (!from || !to || from === to) return null;
        if (to === 'admin' && from.startsWith('admin/')) return null;
        return `features/${from} imports features/${to}; move the shared piece to src/components, src/hooks or src/lib`;
      },
    ),
  },
};
