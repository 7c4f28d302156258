// Issue 14's table: every command on the realistic books, against exceljs's streaming reader
// reading the same file in the same run (the machine is noisy: ratios in one run, not seconds
// across runs). Each command runs as its own process; time is wall time, memory the peak RSS
// (/usr/bin/time). Targets: wall as a fraction of exceljs's read, and peak memory.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bookSize, fullSheet, realistic } from './bench-books.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const AS_OF = ['--as-of', '2025-11-15', '-q'];

/** Rows per second, in thousands. */
const kRows = (perSecond) => `${(perSecond / 1000).toFixed(0)}k`;

/** Runs a node script as a child process: wall seconds, peak RSS in MiB, exit code, stdout. */
export function measure(script, args) {
  const t0 = process.hrtime.bigint();
  // Output goes to /dev/null, as a user's redirect would; /usr/bin/time's peak RSS is stderr's last line.
  const r = spawnSync('sh', ['-c', '/usr/bin/time -f %M "$@" > /dev/null', 'sh', process.execPath, script, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = Number((r.stderr.trim().split('\n').pop() ?? '0')) / 1024;
  return { secs, rss, code: r.status };
}

/** The commands of the table, with their targets (fraction of exceljs's read, MiB) on the 100k book. */
const COMMANDS = [
  { name: 'kam tier --format json', args: (f) => ['tier', f, '--format', 'json'], fraction: 1 / 8, mib: 400 },
  { name: 'kam check --format json', args: (f) => ['check', f, '--format', 'json'], fraction: 1 / 6, mib: 500 },
  { name: 'kam gaps', args: (f) => ['gaps', f], fraction: 1 / 6, mib: 500 },
  { name: 'kam load --suggest', args: (f) => ['load', f, '--suggest'], fraction: 1 / 6, mib: 500 },
  { name: 'kam matrix -o matrix.xlsx', args: (f, out) => ['matrix', f, '-o', join(out, 'table-matrix.xlsx')], fraction: 1 / 4, mib: 600 },
  { name: 'kam report -o report.html', args: (f, out) => ['report', f, '-o', join(out, 'table-report.html')], fraction: 1 / 4, mib: 600 },
  { name: 'kam diff (the book against itself)', args: (f) => ['diff', f, f], fraction: 1 / 4, mib: 600 },
];

/**
 * The table for each size (accounts; 'full' for the 1,048,576-row sheet): rows are printed as they
 * are measured, and the misses are returned.
 */
export async function runTable(sizes, outDir) {
  mkdirSync(outDir, { recursive: true });
  const kam = join(root, 'bin', 'kam.js');
  const misses = [];
  const lines = [];
  // µs per row read (accounts and division-of-labour rows) at each size, of each command run with the
  // same arguments at every size (kam check; the full sheet's kam load is plain, the others' --suggest):
  // the cost must grow linearly.
  const perRow = {};
  const say = (line) => {
    console.log(line);
    lines.push(line);
  };
  for (const size of sizes) {
    const full = size === 'full';
    const file = join(outDir, full ? 'realistic-full.xlsx' : `realistic-${size}.xlsx`);
    const csv = join(outDir, 'realistic-full.csv');
    let info;
    if (!existsSync(file) || (full && !existsSync(csv))) info = full ? await fullSheet(file, csv) : await realistic(size, file);
    info ??= bookSize(size);
    const rows = info.accounts + info.rows;
    const base = measure(join(root, 'scripts', 'exceljs-read.mjs'), [file]);
    const label = full ? 'the 1,048,576-row sheet' : `${size.toLocaleString('en')} accounts`;
    say(`\n${label} (${full ? `${info.accounts.toLocaleString('en')} accounts, ` : ''}${info.rows.toLocaleString('en')} division-of-labour rows): exceljs's streaming read ${base.secs.toFixed(2)} s, ${base.rss.toFixed(0)} MiB, ${kRows(rows / base.secs)} rows/s`);
    say(`| command | wall s | rows/s | × exceljs | target | peak MiB | target | |`);
    say(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |`);
    const commands = full
      ? [
          { name: 'kam check', args: (f) => ['check', f, '--format', 'json'], secs: 15, mib: 1024 },
          { name: 'kam load', args: (f) => ['load', f, '--format', 'json'], secs: 15, mib: 1024 },
          { name: 'kam check (CSV)', args: () => ['check', csv, '--format', 'json'], secs: 15, mib: 1024 },
          { name: 'kam load (CSV)', args: () => ['load', csv, '--format', 'json'], secs: 15, mib: 1024 },
        ]
      : COMMANDS;
    for (const c of commands) {
      const r = measure(kam, [...c.args(file, outDir), ...AS_OF]);
      const ratio = r.secs / base.secs;
      // The targets: the 100k book's are fractions of exceljs's read; the 10k book's 0.8 s and 200 MiB; the full sheet's 15 s and 1 GiB.
      const small = size !== 'full' && size <= 10_000;
      const wallTarget = full ? `${c.secs} s` : small ? '0.8 s' : `1/${Math.round(1 / c.fraction)}`;
      const wallOk = full ? r.secs <= c.secs : small ? r.secs <= 0.8 : ratio <= c.fraction;
      const mib = full ? c.mib : small ? 200 : c.mib;
      // Exit 0 or 1 (findings) is a finished run; anything else (2, a crash) is a miss whatever the time.
      const ok = wallOk && r.rss <= mib && (r.code === 0 || r.code === 1);
      if (!ok) misses.push(`${label}: ${c.name}`);
      if (!c.name.includes('CSV')) {
        const same = c.args('BOOK', outDir).join(' ');
        (perRow[same] ??= []).push({ name: c.name, label, us: (r.secs * 1e6) / rows });
      }
      say(`| ${c.name} | ${r.secs.toFixed(2)} | ${kRows(rows / r.secs)} | ${ratio.toFixed(2)} | ${wallTarget} | ${r.rss.toFixed(0)} | ${mib} | ${ok ? 'met' : 'MISSED'}${r.code === 0 || r.code === 1 ? '' : ` (exit ${r.code})`} |`);
    }
  }
  // The per-row cost at each size against the smallest before it: no more than 1.5 × (startup makes small books dearer per row, not cheaper).
  for (const list of Object.values(perRow)) {
    if (list.length < 2) continue;
    const kind = list[0].name;
    let growth = 0;
    for (let i = 1; i < list.length; i++) growth = Math.max(growth, list[i].us / Math.min(...list.slice(0, i).map((x) => x.us)));
    const ok = growth <= 1.5;
    if (!ok) misses.push(`${kind}: per-row cost grows ${growth.toFixed(2)} ×`);
    say(`\nper-row cost of ${kind}: ${list.map((x) => `${x.label} ${x.us.toFixed(1)} µs`).join(', ')}; growth ${growth.toFixed(2)} × (target ≤ 1.5) ${ok ? 'met' : 'MISSED'}`);
  }
  writeFileSync(join(outDir, 'table.md'), `${lines.join('\n')}\n`);
  return misses;
}
