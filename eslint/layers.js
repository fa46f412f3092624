// The layers of Trame's code, and which may import which (an ESLint rule, local to this repo).
//
//   model  ←  sync  ←  session  ←  canvas · presence · features  ←  app
//   (i18n and ui are leaves any layer above the model may use; server/ uses only the model)
//
// A relative import is resolved against the importing file and the layer of the file it
// reaches is looked up, so the rule holds whatever the depth of the folder and for .ts and
// .tsx alike. Written here rather than taken from a plugin: the table below is the whole of
// it, and eslint-plugin-boundaries would bring a resolver and settings for the same check.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Who each layer may import, besides itself. */
export const ALLOWED = {
  model: [],
  i18n: [],
  ui: ['model', 'i18n'],
  sync: ['model'],
  session: ['model', 'sync', 'i18n', 'ui'],
  canvas: ['model', 'sync', 'session', 'i18n', 'ui'],
  presence: ['model', 'sync', 'session', 'i18n', 'ui'],
  features: ['model', 'sync', 'session', 'i18n', 'ui'],
  app: ['model', 'sync', 'session', 'canvas', 'presence', 'features', 'i18n', 'ui'],
  server: ['model'],
};

/** The layer of an absolute path, or null outside the layered code (tests, bench, config). */
export function layerOf(file) {
  const rel = path.relative(ROOT, file).split(path.sep);
  if (rel[0] === 'server') return 'server';
  if (rel[0] !== 'src' || rel.length < 2) return null;
  const top = rel[1].replace(/\.[jt]sx?$/, '');
  if (top in ALLOWED) return top; // a folder, or its index imported as `../model`
  // src/main.tsx starts the app: it belongs to the top layer.
  return rel.length === 2 ? 'app' : null;
}

function where(layer) {
  return layer === 'server' ? 'server/' : `src/${layer}`;
}

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Layers point down only: model ← sync ← session ← canvas / presence / features ← app' },
    schema: [],
    messages: {
      upward: '{{from}} may not import {{to}} ({{source}}): layers point down only, model ← sync ← session ← canvas / presence / features ← app; server/ imports only src/model. A feature reaches the canvas or the panels through the registries app/ wires.',
      unknown: '{{source}} reaches src/{{folder}}, a folder with no layer: add it to eslint/layers.js.',
      unlayered: 'src/{{folder}} is a folder with no layer, so nothing would check what its files import: add it to ALLOWED in eslint/layers.js.',
    },
  },
  create(context) {
    const file = context.filename;
    const from = layerOf(file);
    if (!from) {
      // A new top folder of src/ must be given a place in the table before its files go unchecked.
      const rel = path.relative(ROOT, file).split(path.sep);
      if (rel[0] !== 'src' || rel.length < 3) return {};
      return { Program: (node) => context.report({ node, messageId: 'unlayered', data: { folder: rel[1] } }) };
    }
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      const rel = path.relative(ROOT, target).split(path.sep);
      const to = layerOf(target);
      if (!to) {
        if (rel[0] === 'src' && rel.length > 2) context.report({ node, messageId: 'unknown', data: { source, folder: rel[1] } });
        return;
      }
      if (to === from || ALLOWED[from].includes(to)) return;
      context.report({ node, messageId: 'upward', data: { from: where(from), to: where(to), source } });
    };
    const fromSource = (node) => check(node.source, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => check(node.source, node.source.type === 'Literal' ? node.source.value : undefined),
      TSImportType: (node) => check(node, node.argument?.literal?.value ?? node.argument?.value),
    };
  },
};

export default { rules: { layers: layersRule } };
