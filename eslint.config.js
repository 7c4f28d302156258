import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** The layers of src/ and the packages only some folders may use: layers.json, explained in docs/architecture.md. */
const { layers: LAYERS, packages: PACKAGES } = JSON.parse(readFileSync(new URL('./layers.json', import.meta.url), 'utf8'));

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One block per folder and depth: no-restricted-imports sees an import as written, so a file
 * `depth` folders below src/ reaches a top-level folder through exactly `depth` `../` segments.
 */
function layerBlocks() {
  const blocks = [];
  for (const [layer, allowed] of Object.entries(LAYERS)) {
    const forbidden = Object.keys(LAYERS).filter((f) => f !== layer && !allowed.includes(f));
    const paths = PACKAGES.filter((p) => !p.only.includes(layer)).flatMap((p) => p.names.map((name) => ({ name, message: `${p.why} (docs/architecture.md)` })));
    for (let depth = 1; depth <= 4; depth++) {
      const patterns =
        forbidden.length === 0
          ? []
          : [
              {
                regex: `^(?:\\.\\./){${depth}}(?:${forbidden.map(escape).join('|')})(?:/|$)`,
                message: `src/${layer}/ may import only ${allowed.length ? allowed.map((f) => `${f}/`).join(', ') : 'nothing else in src/'} (docs/architecture.md)`,
              },
            ];
      blocks.push({
        files: [`src/${layer}/${'*/'.repeat(depth - 1)}*.ts`],
        rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
      });
    }
  }
  return blocks;
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'examples/', 'bench-out/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // Only the CLI layer talks to the terminal; tests and scripts may print.
  { files: ['src/cli/**/*.ts', 'test/**/*.ts'], rules: { 'no-console': 'off' } },
  ...layerBlocks(),
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' } },
  },
);
