// The architecture of docs/architecture.md, checked on the source: no import cycle between files
// (type-only imports included), every import between folders allowed by the layer table the
// linter enforces, and every folder of src/ in that table.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import LAYERS_FILE from '../../layers.json' with { type: 'json' };
import { ROOT } from '../helpers/cli.js';

const SRC = join(ROOT, 'src');
const layers: Record<string, readonly string[]> = LAYERS_FILE.layers;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Every file's imports of other files of src/ (static, dynamic and type-only), as paths. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = info.importedFiles
      .map((f) => f.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
    graph.set(file, targets);
  }
  return graph;
}

const folderOf = (file: string): string => relative(SRC, file).split('/')[0]!;
const show = (file: string): string => relative(ROOT, file);

describe('architecture', () => {
  const graph = importGraph();

  it('every import names a file that exists', () => {
    const missing = [...graph].flatMap(([from, tos]) => tos.filter((to) => !graph.has(to)).map((to) => `${show(from)} → ${show(to)}`));
    expect(missing).toEqual([]);
  });

  it('has no import cycle, type-only imports included', () => {
    // Tarjan's strongly connected components: any component of more than one file is a cycle.
    let index = 0;
    const indexOf = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const cycles: string[][] = [];
    const visit = (v: string): void => {
      indexOf.set(v, index);
      low.set(v, index++);
      stack.push(v);
      onStack.add(v);
      for (const w of graph.get(v) ?? []) {
        if (!graph.has(w)) continue;
        if (!indexOf.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indexOf.get(w)!));
      }
      if (low.get(v) === indexOf.get(v)) {
        const component: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          component.push(show(w));
        } while (w !== v);
        if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
      }
    };
    for (const v of graph.keys()) if (!indexOf.has(v)) visit(v);
    expect(cycles).toEqual([]);
  });

  it('every folder of src/ has its place in the layer table, and the table names only folders of src/', () => {
    const folders = readdirSync(SRC).filter((f) => statSync(join(SRC, f)).isDirectory()).sort();
    expect(Object.keys(layers).sort()).toEqual(folders);
    for (const allowed of Object.values(layers)) for (const f of allowed) expect(folders).toContain(f);
    expect(readdirSync(SRC).filter((f) => f.endsWith('.ts'))).toEqual([]);
  });

  it('the layers are ordered: no folder may import one that may import it', () => {
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      layers[from]!.some((f) => f === to || (!seen.has(f) && (seen.add(f), reaches(f, to, seen))));
    const loops = Object.keys(layers).filter((f) => reaches(f, f));
    expect(loops).toEqual([]);
  });

  it('every import between folders is one the layer table allows', () => {
    const wrong = [...graph].flatMap(([from, tos]) =>
      tos
        .filter((to) => folderOf(to) !== folderOf(from) && !layers[folderOf(from)]!.includes(folderOf(to)))
        .map((to) => `${show(from)} → ${show(to)}`),
    );
    expect(wrong).toEqual([]);
  });

  it('core folders touch no file, print nothing and know no terminal', () => {
    const core = ['model', 'book', 'scoring', 'workload', 'rules', 'config', 'parse', 'util', 'i18n'];
    const bad = sourceFiles(SRC)
      .filter((f) => core.includes(folderOf(f)))
      .filter((f) => /from '(?:node:)?(?:fs|fs\/promises|child_process|readline|tty)'|process\.(?:stdout|stderr|exit|argv)|console\./.test(readFileSync(f, 'utf8')))
      .map(show);
    expect(bad).toEqual([]);
  });
});
