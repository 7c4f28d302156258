// Writes templates/kam.config.json (every default) and templates/kam.config.schema.json from the
// built config schema. A test compares both with the code, so they cannot drift.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveConfig } from '../dist/config/resolve.js';
import { configJsonSchema } from '../dist/config/schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { lang: _lang, ...defaults } = resolveConfig({ raw: {} }, { lang: 'zh' });
writeFileSync(join(root, 'templates', 'kam.config.json'), `${JSON.stringify({ $schema: './kam.config.schema.json', lang: 'zh', ...defaults }, null, 2)}\n`);
writeFileSync(join(root, 'templates', 'kam.config.schema.json'), `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log('templates written');
