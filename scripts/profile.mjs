// npm run profile -- <kam command and its arguments>: runs the built kam under V8's CPU profiler
// and prints where the time went — each function's own time, the time under it, and each of
// kam's modules' own time — named by the module of src/ it comes from (the bundle dist/kam.cjs
// marks each module's code with a `// dist/….js` line, which is all the mapping this needs).
// The .cpuprofile is kept for Chrome's DevTools (Performance → Load profile).
//
// Usage: npm run profile -- [--top N] [--out DIR] [--interval µs] <command> <book> [options]
//   npm run profile -- check bench-out/realistic-100000.xlsx --format json --as-of 2025-11-15
// kam's own output is discarded (its stderr is shown); the profile's summary is printed on stdout.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The script's own options (before the kam command), and the rest: kam's arguments. */
export function parseArgs(argv) {
  const options = { top: 25, out: undefined, interval: 500 };
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      i++;
      break;
    }
    if (a === '--top' || a === '--out' || a === '--interval') {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      if (a === '--out') options.out = v;
      else {
        const n = Number(v);
        if (!Number.isInteger(n) || n <= 0) throw new Error(`${a} needs a positive whole number, not "${v}"`);
        options[a.slice(2)] = n;
      }
      continue;
    }
    break;
  }
  return { options, kamArgs: argv.slice(i) };
}

/** For each line of the bundle, the module of src/ its code comes from (by the `// dist/….js` markers). */
export function moduleLines(bundle) {
  const starts = [];
  const lines = bundle.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const m = /^\/\/ dist\/(.+)\.js$/.exec(lines[n]);
    if (m) starts.push({ line: n, module: `src/${m[1]}.ts` });
  }
  return (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let found;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid].line <= line) {
        found = starts[mid].module;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found ?? 'dist/kam.cjs';
  };
}

/** Where a profile node's function is: a module of src/, a Node module, a package, or V8's own. */
function placeOf(frame, moduleOf) {
  const { url, lineNumber } = frame;
  if (url === '') return '';
  if (url.endsWith('/dist/kam.cjs')) return moduleOf(lineNumber);
  if (url.startsWith('node:')) return url;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  return url.replace(/^file:\/\//, '').replace(`${root}/`, '');
}

/**
 * Self and inclusive time (µs) per function, and self time per place, from a .cpuprofile.
 * A function on a stack twice (recursion) counts once towards its inclusive time.
 */
export function summarise(profile, moduleOf) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const keyOf = new Map();
  const placeOfNode = new Map();
  for (const n of profile.nodes) {
    const place = placeOf(n.callFrame, moduleOf);
    const name = n.callFrame.functionName || '(anonymous)';
    const line = n.callFrame.lineNumber + 1;
    // (A function of the bundle by its module and the bundle's line: esbuild renames a few, `emit2`.)
    const at = n.callFrame.url.endsWith('/dist/kam.cjs') && place !== 'dist/kam.cjs' ? `${place} (dist/kam.cjs:${line})` : `${place}:${line}`;
    keyOf.set(n.id, place ? `${name}  ${at}` : name);
    placeOfNode.set(n.id, place || name);
  }
  const sampleTime = new Map();
  const deltas = profile.timeDeltas;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = Math.max(0, deltas[i] ?? 0);
    total += dt;
    sampleTime.set(profile.samples[i], (sampleTime.get(profile.samples[i]) ?? 0) + dt);
  }
  const self = new Map();
  const inclusive = new Map();
  const places = new Map();
  for (const [id, t] of sampleTime) {
    const key = keyOf.get(id);
    self.set(key, (self.get(key) ?? 0) + t);
    const place = placeOfNode.get(id);
    places.set(place, (places.get(place) ?? 0) + t);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const k = keyOf.get(cur);
      if (seen.has(k) || byId.get(cur).callFrame.functionName === '(root)') continue;
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + t);
    }
  }
  return { total, self, inclusive, places };
}

function table(title, entries, total, top) {
  const rows = [...entries].sort((a, b) => b[1] - a[1]).slice(0, top);
  const out = [`${title}`];
  for (const [k, t] of rows) out.push(`${(t / 1000).toFixed(0).padStart(8)} ms ${((100 * t) / total).toFixed(1).padStart(5)}%  ${k}`);
  return out.join('\n');
}

/** The printed summary. */
export function report(summary, top) {
  const { total, self, inclusive, places } = summary;
  const gc = self.get('(garbage collector)') ?? 0;
  const idle = self.get('(idle)') ?? 0;
  const lines = [
    `profiled ${(total / 1000).toFixed(0)} ms: garbage collection ${(gc / 1000).toFixed(0)} ms (${((100 * gc) / total).toFixed(1)}%), idle ${(idle / 1000).toFixed(0)} ms (waiting for the disk or the inflater)`,
    '',
    table(`own time by function (top ${top})`, self, total, top),
    '',
    // (The event loop's frames hold everything asynchronous: left out, they say nothing.)
    table(
      `time under each function (top ${top})`,
      [...inclusive].filter(([k]) => !/^(?:processTicksAndRejections|runMicrotasks|\(program\))\b/.test(k)),
      total,
      top,
    ),
    '',
    table(`own time by module (top ${top})`, places, total, top),
  ];
  return lines.join('\n');
}

function main() {
  let parsed;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`profile: ${err.message}\n`);
    process.exit(2);
  }
  const { options, kamArgs } = parsed;
  if (kamArgs.length === 0) {
    process.stderr.write('usage: npm run profile -- [--top N] [--out DIR] [--interval µs] <command> <book> [options]\n');
    process.exit(2);
  }
  const bundle = join(root, 'dist', 'kam.cjs');
  let code;
  try {
    code = readFileSync(bundle, 'utf8');
  } catch {
    process.stderr.write('profile: dist/kam.cjs is missing: run npm run build first\n');
    process.exit(2);
  }
  const dir = options.out ?? mkdtempSync(join(tmpdir(), 'kam-profile-'));
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [`--cpu-prof`, `--cpu-prof-dir=${dir}`, `--cpu-prof-interval=${options.interval}`, join(root, 'bin', 'kam.js'), ...kamArgs], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  if (files.length === 0) {
    process.stderr.write(`profile: kam wrote no profile (exit ${run.status ?? run.signal})\n`);
    process.exit(2);
  }
  // The newest: a folder given with --out may hold earlier ones.
  const file = files.sort().at(-1);
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const summary = summarise(profile, moduleLines(code));
  process.stdout.write(`kam ${kamArgs.join(' ')}: exit ${run.status ?? run.signal}, ${wall.toFixed(0)} ms wall (the profiler adds to it)\n`);
  process.stdout.write(`${report(summary, options.top)}\n\nprofile: ${join(dir, file)} (Chrome DevTools → Performance → Load profile)\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
