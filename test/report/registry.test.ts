// The map of renderers (report/index.ts): each kind's formats are those its command documents,
// every renderer renders a sample of its kind, and which findings each format shows on stdout.
import { describe, expect, it } from 'vitest';
import { isStyled, sheetRows } from '../../src/model/styled-sheet.js';
import { reportContext } from '../../src/report/context.js';
import { fileFormats, render, renderSheets, renderText, RENDERERS, showsFinding, stdoutFormats, type Kind, type Results, type TextFormat } from '../../src/report/index.js';
import { checkSample, configSample, diffSample, gapsSample, loadSample, matrixSample, pieces, reportSample, textconvSample, tierSample } from './samples.js';

const SAMPLES: Results = { tier: tierSample(), check: checkSample(), gaps: gapsSample(), load: loadSample(), matrix: matrixSample(), config: configSample(), report: reportSample(), diff: diffSample(), textconv: textconvSample() };
const KINDS = Object.keys(SAMPLES) as Kind[];

describe('formats', () => {
  it('are the kinds the commands give', () => {
    expect(Object.keys(RENDERERS).sort()).toEqual([...KINDS].sort());
  });

  it('on stdout: as each command documents, the default first', () => {
    expect(stdoutFormats('tier')).toEqual(['text', 'json', 'csv', 'markdown']);
    expect(stdoutFormats('check')).toEqual(['text', 'json', 'github', 'junit', 'markdown']);
    expect(stdoutFormats('gaps')).toEqual(['text', 'json', 'markdown', 'junit']);
    expect(stdoutFormats('load')).toEqual(['text', 'json', 'markdown', 'csv']);
    expect(stdoutFormats('matrix')).toEqual(['text', 'json', 'csv', 'markdown', 'html']);
    expect(stdoutFormats('config')).toEqual(['json']);
    expect(stdoutFormats('report')).toEqual(['markdown', 'html']);
    expect(stdoutFormats('diff')).toEqual(['text', 'json', 'markdown', 'github', 'csv']);
    expect(stdoutFormats('textconv')).toEqual(['text']);
  });

  it('in files: the stdout formats, and xlsx for tier and matrix', () => {
    expect(fileFormats('tier')).toEqual(['text', 'json', 'csv', 'markdown', 'xlsx']);
    expect(fileFormats('check')).toEqual(['text', 'json', 'github', 'junit', 'markdown']);
    expect(fileFormats('gaps')).toEqual(['text', 'json', 'markdown', 'junit']);
    expect(fileFormats('load')).toEqual(['text', 'json', 'markdown', 'csv']);
    expect(fileFormats('matrix')).toEqual(['text', 'json', 'csv', 'markdown', 'html', 'xlsx']);
    expect(fileFormats('config')).toEqual(['json']);
    expect(fileFormats('report')).toEqual(['markdown', 'html']);
    expect(fileFormats('diff')).toEqual(['text', 'json', 'markdown', 'github', 'csv']);
  });
});

describe('every renderer', () => {
  for (const kind of KINDS) {
    for (const format of Object.keys(RENDERERS[kind])) {
      it(`${kind} ${format} renders a sample of its kind`, () => {
        for (const ctx of [reportContext('en', false), reportContext('zh', true)]) {
          if (format === 'xlsx') {
            const sheets = renderSheets(kind, SAMPLES[kind], ctx);
            expect(sheets.length).toBeGreaterThan(0);
            for (const s of sheets) {
              expect(s.name).not.toBe('');
              // A plain table has a header and rows; a styled sheet has its header among its rows.
              if (isStyled(s)) expect(sheetRows(s).length).toBeGreaterThan(1);
              else {
                expect(s.header.length).toBeGreaterThan(0);
                expect(s.rows.length).toBeGreaterThan(0);
              }
            }
            continue;
          }
          const f = format as TextFormat;
          const text = renderText(kind, SAMPLES[kind], f, ctx);
          expect(text.trim()).not.toBe('');
          expect(text.endsWith('\n')).toBe(true);
          // renderText is the pieces of render, joined.
          expect(pieces(render(kind, SAMPLES[kind], f, ctx)).join('')).toBe(text);
          if (f === 'json') expect(() => JSON.parse(text) as unknown).not.toThrow();
        }
      });
    }
  }

  it('refuses a format its kind does not offer', () => {
    const ctx = reportContext('en', false);
    expect(() => render('config', SAMPLES.config, 'text', ctx)).toThrow('no text renderer for config');
    expect(() => render('load', SAMPLES.load, 'github', ctx)).toThrow('no github renderer for load');
    expect(() => renderSheets('check', SAMPLES.check, ctx)).toThrow('no xlsx renderer for check');
  });
});

describe('showsFinding', () => {
  const findings = [...SAMPLES.check.findings, ...SAMPLES.tier.findings, ...SAMPLES.load.findings];

  it('the samples have findings of several rules, load and others', () => {
    const rules = new Set(findings.map((f) => f.rule));
    expect([...rules].some((r) => r.startsWith('load/'))).toBe(true);
    expect([...rules].filter((r) => !r.startsWith('load/')).length).toBeGreaterThan(3);
  });

  it('tier: text and markdown show the data problems, json and csv leave them to stderr', () => {
    for (const f of findings) {
      expect(stdoutFormats('tier').filter((format) => showsFinding('tier', format, f))).toEqual(['text', 'markdown']);
    }
  });

  it('load: only the load rules, in every format', () => {
    for (const f of findings) {
      for (const format of stdoutFormats('load')) expect(showsFinding('load', format, f)).toBe(f.rule.startsWith('load/'));
    }
    expect(SAMPLES.load.findings.filter((f) => showsFinding('load', 'text', f)).map((f) => `${f.rule} ${f.person}`)).toContain('load/over-capacity Alice');
  });

  it('check and gaps: every finding, in every format', () => {
    for (const kind of ['check', 'gaps'] as const) {
      for (const format of stdoutFormats(kind)) for (const f of findings) expect(showsFinding(kind, format, f)).toBe(true);
    }
  });
});
