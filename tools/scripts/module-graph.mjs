#!/usr/bin/env node
// Lists which API feature modules import which (apps/api/src/modules/<a> → <b>), with the number of
// importing files, so an architecture change can show its before and after. Usage:
//   node tools/scripts/module-graph.mjs [--dot]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const modulesDir = join(root, 'apps/api/src/modules');
const importPattern = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (name.endsWith('.ts') && !name.endsWith('.spec.ts')) yield path;
  }
}

function moduleOf(file) {
  const rel = relative(modulesDir, file);
  return rel.startsWith('..') ? null : rel.split('/')[0];
}

const edges = new Map();
for (const file of sourceFiles(modulesDir)) {
  const from = moduleOf(file);
  const seen = new Set();
  for (const match of readFileSync(file, 'utf8').matchAll(importPattern)) {
    const spec = match[1] ?? match[2];
    if (!spec.startsWith('.')) continue;
    const to = moduleOf(resolve(dirname(file), spec));
    if (!to || to === from || seen.has(to)) continue;
    seen.add(to);
    const key = `${from} → ${to}`;
    edges.set(key, (edges.get(key) ?? 0) + 1);
  }
}

const sorted = [...edges.entries()].sort(([a], [b]) => a.localeCompare(b));
if (process.argv.includes('--dot')) {
  console.log('digraph modules {');
  for (const [edge, files] of sorted) console.log(`  "${edge.replace(' → ', '" -> "')}" [label=${files}];`);
  console.log('}');
} else {
  for (const [edge, files] of sorted) console.log(`${edge} (${files} file${files === 1 ? '' : 's'})`);
  const cycles = sorted.filter(([edge]) => edges.has(edge.split(' → ').reverse().join(' → ')));
  console.log(`\n${sorted.length} edges; mutual imports: ${cycles.map(([e]) => e).join(', ') || 'none'}`);
}
