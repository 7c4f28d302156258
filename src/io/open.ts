/** Opens whatever the user named: an .xlsx workbook, a folder of CSV files, or one CSV file. */
import { open as openFile, readdir, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { InputError } from '../model/errors.js';
import { readCsvSheet, type CsvOptions } from './csv/read.js';
import type { WorkbookSource } from './source.js';
import { openXlsx } from './xlsx/workbook.js';

const XLSX_EXT = new Set(['.xlsx', '.xlsm', '.xltx', '.xltm']);
const CSV_EXT = new Set(['.csv', '.tsv', '.txt', '.tab']);
/** Formats people keep key-account books in that kam does not read, and how to convert them. */
const UNSUPPORTED: Record<string, string> = {
  '.xls': 'xls',
  '.xlsb': 'xlsb',
  '.ods': 'ods',
  '.numbers': 'numbers',
  '.et': 'et',
  '.ett': 'et',
  '.wps': 'et',
};

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ENCRYPTED_MARK = Buffer.from('EncryptedPackage', 'utf16le');

/** Opens a book for reading; anything unusable is an InputError that says what to do. */
export async function openBook(path: string, options: CsvOptions = {}): Promise<WorkbookSource> {
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new InputError(err.code === 'ENOENT' || err.code === 'ENOTDIR' ? 'input.missing' : 'input.unreadable', { reason: err.code ?? '' }, { file: path });
  });
  if (info.isDirectory()) return openCsvFolder(path, options);
  const head = await readHead(path);
  const ext = extname(path).toLowerCase();
  const kind = sniff(head);
  if (kind === 'ole') {
    if (head.includes(ENCRYPTED_MARK) || (await containsEncryptedMark(path))) throw new InputError('input.encrypted', {}, { file: path });
    throw new InputError('input.unsupported', { format: UNSUPPORTED[ext] === 'et' ? 'et' : 'xls' }, { file: path });
  }
  if (kind === 'zip') {
    if (ext === '.ods') throw new InputError('input.unsupported', { format: 'ods' }, { file: path });
    if (ext === '.numbers') throw new InputError('input.unsupported', { format: 'numbers' }, { file: path });
    if (ext === '.xlsb') throw new InputError('input.unsupported', { format: 'xlsb' }, { file: path });
    return openXlsx(path);
  }
  if (XLSX_EXT.has(ext)) {
    if (info.size === 0) throw new InputError('input.empty', {}, { file: path });
    if (kind === 'text') throw new InputError('input.textAsXlsx', {}, { file: path });
    throw new InputError('input.notWorkbook', {}, { file: path });
  }
  const unsupported = UNSUPPORTED[ext];
  if (unsupported) throw new InputError('input.unsupported', { format: unsupported }, { file: path });
  if (CSV_EXT.has(ext) || kind === 'text') {
    const sheet = await readCsvSheet(path, options);
    return { file: path, kind: 'csv', sheets: [sheet], date1904: false, encoding: sheet.encoding, delimiter: sheet.delimiter };
  }
  throw new InputError('input.unsupported', { format: ext || '?' }, { file: path });
}

async function openCsvFolder(dir: string, options: CsvOptions): Promise<WorkbookSource> {
  const names = (await readdir(dir)).filter((n) => CSV_EXT.has(extname(n).toLowerCase()) && !n.startsWith('.') && !n.startsWith('~$')).sort();
  if (names.length === 0) throw new InputError('input.emptyFolder', {}, { file: dir });
  const sheets = await Promise.all(names.map((n) => readCsvSheet(join(dir, n), options)));
  const encodings = [...new Set(sheets.map((s) => s.encoding))].join(', ');
  return { file: dir, kind: 'csv', sheets, date1904: false, encoding: encodings };
}

async function readHead(path: string): Promise<Buffer> {
  const fh = await openFile(path, 'r').catch((err: NodeJS.ErrnoException) => {
    throw new InputError('input.unreadable', { reason: err.code ?? '' }, { file: path });
  });
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await fh.read(buf, 0, 4096, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function containsEncryptedMark(path: string): Promise<boolean> {
  const fh = await openFile(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead).includes(ENCRYPTED_MARK);
  } finally {
    await fh.close();
  }
}

function sniff(head: Buffer): 'zip' | 'ole' | 'text' | 'binary' {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7)) return 'zip';
  if (head.subarray(0, 8).equals(OLE_MAGIC)) return 'ole';
  if (head.length === 0) return 'binary';
  const bomUtf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (bomUtf16) return 'text';
  return head.includes(0) ? 'binary' : 'text';
}
