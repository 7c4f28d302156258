/** Opens whatever the user named: an .xlsx workbook, a folder of CSV files, or one CSV file. */
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { InputError } from '../model/errors.js';
import { readCsvSheet, type CsvOptions } from './csv/read.js';
import { checkInputFile, fileHolds, inputErrorFor, readStart } from './input-file.js';
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

/** How to open a book: CSV choices and the size limit on each file read. */
export interface OpenOptions extends CsvOptions {
  /** Files above this many bytes are refused before they are read (`limits.inputMB`). */
  maxBytes?: number;
}

/** Opens a book for reading; anything unusable is an InputError that says what to do. */
export async function openBook(path: string, options: OpenOptions = {}): Promise<WorkbookSource> {
  const maxBytes = options.maxBytes ?? Number.MAX_SAFE_INTEGER;
  const info = await stat(path).catch((err: unknown) => {
    throw inputErrorFor(err, path);
  });
  if (info.isDirectory()) return openCsvFolder(path, options, maxBytes);
  // The file the user named may be a link anywhere, but only to a regular file (never a FIFO,
  // which would hang, or /dev/zero, which never ends), and not above the limit.
  const file = await checkInputFile(path, maxBytes);
  const head = await readStart(file, 4096);
  const ext = extname(path).toLowerCase();
  const kind = sniff(head);
  // Tables many systems export as HTML or as Excel 2003's XML, named .xls (or .xlsx, .csv): said what they are.
  const markup = markupOf(head);
  if (markup) throw new InputError('input.unsupported', { format: markup }, { file: path });
  if (kind === 'ole') {
    // The container's directory may lie anywhere in it (found by a new user: past the first MiB, an encrypted book was called an .xls).
    if (head.includes(ENCRYPTED_MARK) || (await fileHolds(file, ENCRYPTED_MARK))) throw new InputError('input.encrypted', {}, { file: path });
    throw new InputError('input.unsupported', { format: UNSUPPORTED[ext] === 'et' ? 'et' : 'xls' }, { file: path });
  }
  if (kind === 'zip') {
    if (ext === '.ods') throw new InputError('input.unsupported', { format: 'ods' }, { file: path });
    if (ext === '.numbers') throw new InputError('input.unsupported', { format: 'numbers' }, { file: path });
    if (ext === '.xlsb') throw new InputError('input.unsupported', { format: 'xlsb' }, { file: path });
    return { ...(await openXlsx(path)), files: [file.real] };
  }
  if (XLSX_EXT.has(ext)) {
    if (info.size === 0) throw new InputError('input.empty', {}, { file: path });
    if (kind === 'text') throw new InputError('input.textAsXlsx', {}, { file: path });
    throw new InputError('input.notWorkbook', {}, { file: path });
  }
  const unsupported = UNSUPPORTED[ext];
  if (unsupported) throw new InputError('input.unsupported', { format: unsupported }, { file: path });
  if (CSV_EXT.has(ext) || kind === 'text') {
    // An empty file named alone is no book, whatever reads it (check would list its missing sheets):
    // nothing, or nothing but a BOM, line ends, spaces and delimiters (`,,,` of an emptied export).
    if (info.size === 0 || (info.size <= BLANK_CHECK_BYTES && isBlankText(head))) throw new InputError('input.empty', {}, { file: path });
    const sheet = await readCsvSheet(path, { ...options, maxBytes, checked: file });
    return { file: path, kind: 'csv', sheets: [sheet], date1904: false, encoding: sheet.encoding, delimiter: sheet.delimiter, files: [sheet.file] };
  }
  throw new InputError('input.unsupported', { format: ext || '?' }, { file: path });
}

/**
 * A folder of CSV files. Every entry is checked before it is read: a regular file that resolves
 * inside the folder (a link to another file of the folder is fine; one to ../.env is not).
 */
async function openCsvFolder(dir: string, options: CsvOptions, maxBytes: number): Promise<WorkbookSource> {
  const [real, entries] = await Promise.all([realpath(dir), readdir(dir)]).catch((err: unknown) => {
    throw inputErrorFor(err, dir);
  });
  const names = entries.filter((n) => CSV_EXT.has(extname(n).toLowerCase()) && !n.startsWith('.') && !n.startsWith('~$')).sort();
  if (names.length === 0) throw new InputError('input.emptyFolder', {}, { file: dir });
  const settled = await Promise.allSettled(names.map((n) => readCsvSheet(join(dir, n), { ...options, maxBytes, folder: real })));
  // The first refusal in name order, so that the same folder always gives the same message.
  const sheets = settled.map((r) => {
    if (r.status === 'rejected') throw r.reason;
    return r.value;
  });
  const encodings = [...new Set(sheets.map((s) => s.encoding))].join(', ');
  // The delimiter --verbose names: the files', one if they agree (a folder of ; files is not ",").
  const delimiters = [...new Set(sheets.map((s) => s.delimiter))];
  const delimiter = delimiters.length === 1 ? delimiters[0]! : delimiters.map((d) => (d === '\t' ? 'tab' : d)).join(' ');
  return { file: dir, kind: 'csv', sheets, date1904: false, encoding: encodings, ...(delimiters.length > 0 ? { delimiter } : {}), files: sheets.map((s) => s.file) };
}

/** An HTML page or an Excel 2003 XML spreadsheet, by its first bytes (UTF-8 or UTF-16, after a BOM and blanks). */
function markupOf(head: Buffer): 'html' | 'xml2003' | undefined {
  const le = head[0] === 0xff && head[1] === 0xfe;
  const be = head[0] === 0xfe && head[1] === 0xff;
  const text = (le ? head.toString('utf16le') : be ? Buffer.from(head.subarray(0, head.length & ~1)).swap16().toString('utf16le') : head.toString('latin1')).replace(/^(?:\ufeff|\u00ef\u00bb\u00bf|\ufffe)/, '').trimStart().slice(0, 2048).toLowerCase();
  if (/^<(?:!doctype html|html[\s>]|table[\s>]|meta[\s>]|head[\s>]|body[\s>])/.test(text)) return 'html';
  if (text.startsWith('<?xml') && text.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'xml2003';
  if (text.startsWith('<?xml') && /<html[\s>]/.test(text)) return 'html';
  return undefined;
}

function sniff(head: Buffer): 'zip' | 'ole' | 'text' | 'binary' {
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7)) return 'zip';
  if (head.subarray(0, 8).equals(OLE_MAGIC)) return 'ole';
  if (head.length === 0) return 'binary';
  const bomUtf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (bomUtf16) return 'text';
  return head.includes(0) ? 'binary' : 'text';
}

/** Files at most this long (what `head` holds) are looked at whole for text (an empty export can be a few line ends). */
const BLANK_CHECK_BYTES = 4096;

/** Whether bytes hold no text: BOMs, NULs (UTF-16), whitespace and CSV delimiters only. */
function isBlankText(bytes: Buffer): boolean {
  for (const b of bytes) {
    if (b === 0 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0x20 || b === 0x2c || b === 0x3b || b === 0x7c || b === 0xef || b === 0xbb || b === 0xbf || b === 0xfe || b === 0xff) continue;
    return false;
  }
  return true;
}
