/**
 * Styled workbooks (model/styled-sheet.ts) written as SpreadsheetML by kam itself, row by row
 * into the zip: fills, bold, wrapped text, grid lines, number formats, widths, merged cells,
 * frozen panes, a filter, conditional formats, drop-downs fed by a range, notes, print setup and
 * hidden sheets. Only cells with a value or a style are written, so a matrix of 300,000 rows by
 * 4,000 people — mostly empty — costs what its letters cost, not its area. Strings go to the
 * shared-string table (one copy of each), written after the sheets with the styles.
 */
import type { FileHandle } from 'node:fs/promises';
import { InputError } from '../../model/errors.js';
import { isSparse, type Area, type Cell, type Row, type StyledCell, type StyledSheet } from '../../model/styled-sheet.js';
import { columnLetter, MAX_COLUMNS, MAX_ROWS } from '../../util/cellref.js';
import { xmlText } from '../xlsx/xml-write.js';
import { makeDate, toExcelSerial } from '../../util/date.js';
import { ascii, AsciiBuffer, MAX_NUMBER_BYTES, put, putNumber, putWhole } from './ascii.js';
import { ZipStream } from './zip-stream.js';
import { excelSheetName } from './xlsx.js';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const FLUSH = 1 << 16;
// The pieces of a row and its cells.
const ROW_OPEN = ascii('<row r="');
const ROW_OPEN_END = ascii('">');
const ROW_CLOSE = ascii('</row>');
const CELL_OPEN = ascii('<c r="');
const STYLE_OPEN = ascii('" s="');
const SHARED_VALUE = ascii('" t="s"><v>');
const BOOLEAN_VALUE = ascii('" t="b"><v>');
const VALUE_OPEN = ascii('"><v>');
const VALUE_CLOSE = ascii('</v></c>');
const EMPTY_CLOSE = ascii('"/>');
/** The most bytes of a cell but its column letters, and of a row's opening tag. */
const CELL_BYTES = 64 + MAX_NUMBER_BYTES;
const ROW_BYTES = 32;
const DATE_FORMAT = 'yyyy-mm-dd';
/** Number formats Excel knows by id, written without a <numFmt>. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10 };

/** An XML attribute's value. */
const attr = (text: string): string => xmlText(text).replace(/"/g, '&quot;');

/** A range of a sheet as written in a formula or a defined name: `'说明'!$A$2:$A$7`. */
const quotedSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

function ref(a: Area, absolute = false): string {
  const d = absolute ? '$' : '';
  return `${d}${columnLetter(a.left - 1)}${d}${a.top}:${d}${columnLetter(a.right - 1)}${d}${a.bottom}`;
}

/** Writes `sheets` as an XLSX workbook through `fh` (`target` names the file in messages). */
export async function writeStyledXlsx(fh: FileHandle, sheets: readonly StyledSheet[], target = ''): Promise<void> {
  const zip = new ZipStream(fh, target);
  const strings = new SharedStrings();
  const styles = new Styles();
  // Names Excel accepts, in the sheets and in every reference to them.
  const names = new Map(sheets.map((s) => [s.name, excelSheetName(s.name)]));
  const nameOf = (name: string): string => names.get(name) ?? excelSheetName(name);
  const written: WrittenSheet[] = [];
  for (const [index, sheet] of sheets.entries()) {
    written.push(await writeSheet(zip, sheet, index, { strings, styles, target, nameOf }));
  }
  await zip.add('xl/sharedStrings.xml', strings.xml());
  await zip.add('xl/styles.xml', styles.xml());
  await zip.add('xl/workbook.xml', workbookXml(sheets.map((s) => ({ ...s, name: nameOf(s.name) }))));
  await zip.add('xl/_rels/workbook.xml.rels', workbookRels(sheets.length));
  await zip.add('docProps/core.xml', CORE);
  await zip.add('_rels/.rels', ROOT_RELS);
  await zip.add('[Content_Types].xml', contentTypes(written));
  await zip.finish();
}

interface WrittenSheet {
  notes: boolean;
}

interface Shared {
  strings: SharedStrings;
  styles: Styles;
  target: string;
  nameOf: (sheet: string) => string;
}

/** A note kept until the sheet's cells are written: its 0-based row and column, and its text. */
interface Note {
  row: number;
  col: number;
  text: string;
}

async function writeSheet(zip: ZipStream, sheet: StyledSheet, index: number, shared: Shared): Promise<WrittenSheet> {
  const n = index + 1;
  const out = zip.stream(`xl/worksheets/sheet${n}.xml`);
  const { strings, styles } = shared;
  const letters = new ColumnLetters();
  /** The style of each column's cells: its number format, as the cells of that column take it. */
  const columnFormats = sheet.formats ?? [];
  const colStyle = columnFormats.map((f) => (f === undefined ? 0 : styles.xf({ format: f })));
  const notes: Note[] = [];
  let buf = XML_HEAD + `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">`;
  if (sheet.print?.fitToWidth) buf += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  buf += `<sheetViews><sheetView${index === 0 ? ' tabSelected="1"' : ''} workbookViewId="0">${pane(sheet.freeze)}</sheetView></sheetViews>`;
  buf += '<sheetFormatPr defaultRowHeight="15"/>';
  const widths = sheet.widths ?? [];
  const cols = Math.max(widths.length, columnFormats.length);
  if (cols > 0) {
    buf += '<cols>';
    for (let c = 0; c < cols; c++) {
      const w = widths[c];
      const s = colStyle[c] ?? 0;
      if (w === undefined && s === 0) continue;
      buf += `<col min="${c + 1}" max="${c + 1}" width="${w ?? 9.140625}"${w !== undefined ? ' customWidth="1"' : ''}${s ? ` style="${s}"` : ''}/>`;
    }
    buf += '</cols>';
  }
  buf += '<sheetData>';
  await out.write(buf);
  buf = '';
  // The rows as bytes (all ASCII: strings are in the shared-string table).
  const bytes = new AsciiBuffer();
  const lettersOf: Uint8Array[] = [];
  // Per column, the last text and its shared-string index: a column repeats its text row after row.
  const lastText: (string | undefined)[] = [];
  const lastId: number[] = [];
  let r = 0;
  const cell = (c: number, value: Cell): void => {
    if (c >= MAX_COLUMNS) throw tooLarge(shared.target, shared.nameOf(sheet.name));
    if (value === undefined || value === null) return;
    let v: Cell = value;
    let s = colStyle[c] ?? 0;
    if (typeof value === 'object') {
      v = value.value;
      if (value.note !== undefined) notes.push({ row: r, col: c, text: value.note });
      if (value.fill !== undefined || value.bold || value.wrap || value.border || value.date) s = styles.of(value, value.date ? DATE_FORMAT : columnFormats[c]);
      if (value.date && typeof v === 'string') v = dateSerial(v);
    }
    // `<c r="B7" s="3" t="s"><v>12</v></c>`: what follows the style is the value's.
    let tail: Uint8Array;
    let n = 0;
    if (typeof v === 'string' && v !== '') {
      tail = SHARED_VALUE;
      if (lastText[c] === v) n = strings.again(lastId[c]!);
      else {
        n = strings.index(v);
        lastText[c] = v;
        lastId[c] = n;
      }
    } else if (typeof v === 'number' && Number.isFinite(v)) {
      tail = VALUE_OPEN;
      n = v;
    } else if (typeof v === 'boolean') {
      tail = BOOLEAN_VALUE;
      n = v ? 1 : 0;
    } else if (s !== (colStyle[c] ?? 0)) tail = EMPTY_CLOSE;
    else return;
    const letter = (lettersOf[c] ??= ascii(letters.of(c)));
    const buf = bytes.reserve(CELL_BYTES + letter.length);
    let at = put(buf, bytes.length, CELL_OPEN);
    at = put(buf, at, letter);
    at = putWhole(buf, at, r + 1);
    if (s) {
      at = put(buf, at, STYLE_OPEN);
      at = putWhole(buf, at, s);
    }
    at = put(buf, at, tail);
    if (tail !== EMPTY_CLOSE) at = put(buf, putNumber(buf, at, n), VALUE_CLOSE);
    bytes.length = at;
  };
  for (const row of sheet.rows as Iterable<Row>) {
    if (r >= MAX_ROWS) throw tooLarge(shared.target, shared.nameOf(sheet.name));
    const before = bytes.length;
    const buf = bytes.reserve(ROW_BYTES);
    bytes.length = put(buf, putWhole(buf, put(buf, before, ROW_OPEN), r + 1), ROW_OPEN_END);
    const opened = bytes.length;
    if (isSparse(row)) {
      const { columns, cells } = row;
      for (let i = 0; i < columns.length; i++) cell(columns[i]!, cells[i]!);
    } else {
      for (let c = 0; c < row.length; c++) cell(c, row[c]);
    }
    // A row without a cell is left out (rows carry their numbers).
    if (bytes.length === opened) bytes.length = before;
    else bytes.length = put(bytes.reserve(ROW_CLOSE.length), bytes.length, ROW_CLOSE);
    r++;
    if (bytes.length > FLUSH) await out.write(bytes.take());
  }
  if (bytes.length > 0) await out.write(bytes.take());
  buf += '</sheetData>';
  if (sheet.autoFilter) buf += `<autoFilter ref="${ref(sheet.autoFilter)}"/>`;
  if (sheet.merges?.length) buf += `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${ref(m)}"/>`).join('')}</mergeCells>`;
  let priority = 1;
  for (const cf of sheet.conditional ?? []) {
    buf += `<conditionalFormatting sqref="${ref(cf.area)}">`;
    for (const rule of cf.rules) buf += `<cfRule type="expression" dxfId="${styles.dxf(rule.fill)}" priority="${priority++}"><formula>${xmlText(rule.formula)}</formula></cfRule>`;
    buf += '</conditionalFormatting>';
  }
  if (sheet.validations?.length) {
    buf += `<dataValidations count="${sheet.validations.length}">`;
    for (const v of sheet.validations) {
      buf += `<dataValidation type="list" errorStyle="stop" allowBlank="1" showErrorMessage="1" sqref="${ref(v.area)}"><formula1>${xmlText(`${quotedSheet(shared.nameOf(v.source.sheet))}!${ref(v.source.area, true)}`)}</formula1></dataValidation>`;
    }
    buf += '</dataValidations>';
  }
  buf += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  if (sheet.print) buf += `<pageSetup orientation="${sheet.print.landscape ? 'landscape' : 'portrait'}"${sheet.print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : ''}/>`;
  if (notes.length > 0) buf += '<legacyDrawing r:id="rId2"/>';
  buf += '</worksheet>';
  await out.write(buf);
  await out.end();
  if (notes.length > 0) await writeNotes(zip, n, notes, letters);
  return { notes: notes.length > 0 };
}

/** The frozen panes of a sheet view. */
function pane(freeze: StyledSheet['freeze']): string {
  if (!freeze || (freeze.rows === 0 && freeze.columns === 0)) return '';
  const { rows, columns } = freeze;
  const active = rows > 0 && columns > 0 ? 'bottomRight' : rows > 0 ? 'bottomLeft' : 'topRight';
  const split = `${columns > 0 ? ` xSplit="${columns}"` : ''}${rows > 0 ? ` ySplit="${rows}"` : ''}`;
  return `<pane${split} topLeftCell="${columnLetter(columns)}${rows + 1}" activePane="${active}" state="frozen"/><selection pane="${active}"/>`;
}

/** An ISO date as Excel's serial day number (its phantom 1900-02-29 counted); the text when it is no date. */
function dateSerial(iso: string): number | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m && makeDate(Number(m[1]), Number(m[2]), Number(m[3])) === iso ? toExcelSerial(iso) : iso;
}

function tooLarge(file: string, sheet: string): InputError {
  return new InputError('output.sheetTooLarge', { sheet, rows: MAX_ROWS, columns: MAX_COLUMNS }, { file });
}

/** The comments part of a sheet and the VML drawing Excel shows them with. */
async function writeNotes(zip: ZipStream, n: number, notes: readonly Note[], letters: ColumnLetters): Promise<void> {
  let comments = XML_HEAD + `<comments xmlns="${MAIN}"><authors><author>kam</author></authors><commentList>`;
  for (const note of notes) comments += `<comment ref="${letters.of(note.col)}${note.row + 1}" authorId="0"><text><r><t xml:space="preserve">${xmlText(note.text)}</t></r></text></comment>`;
  await zip.add(`xl/comments${n}.xml`, comments + '</commentList></comments>');
  let vml =
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${n}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';
  notes.forEach((note, i) => {
    vml +=
      `<v:shape id="_x0000_s${n * 1024 + i + 1}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:60pt;z-index:${i + 1};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
      '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${note.col + 1}, 15, ${note.row}, 10, ${note.col + 4}, 15, ${note.row + 4}, 4</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${note.row}</x:Row><x:Column>${note.col}</x:Column></x:ClientData></v:shape>`;
  });
  await zip.add(`xl/drawings/vmlDrawing${n}.vml`, vml + '</xml>');
  await zip.add(
    `xl/worksheets/_rels/sheet${n}.xml.rels`,
    XML_HEAD +
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/comments" Target="../comments${n}.xml"/><Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing${n}.vml"/></Relationships>`,
  );
}

function workbookXml(sheets: readonly StyledSheet[]): string {
  const names: string[] = [];
  sheets.forEach((s, i) => {
    if (s.autoFilter) names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(`${quotedSheet(s.name)}!${ref(s.autoFilter, true)}`)}</definedName>`);
    if (s.print?.titleRows) names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`${quotedSheet(s.name)}!$1:$${s.print.titleRows}`)}</definedName>`);
  });
  const list = sheets.map((s, i) => `<sheet name="${attr(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('');
  return (
    XML_HEAD +
    `<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>${list}</sheets>` +
    (names.length > 0 ? `<definedNames>${names.join('')}</definedNames>` : '') +
    '<calcPr calcId="0"/></workbook>'
  );
}

function workbookRels(count: number): string {
  let rels = '';
  for (let i = 1; i <= count; i++) rels += `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  rels += `<Relationship Id="rId${count + 1}" Type="${REL}/styles" Target="styles.xml"/>`;
  rels += `<Relationship Id="rId${count + 2}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`;
  return XML_HEAD + `<Relationships xmlns="${PKG_REL}">${rels}</Relationships>`;
}

const ROOT_RELS =
  XML_HEAD +
  `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;

const CORE =
  XML_HEAD +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>kam</dc:creator></cp:coreProperties>';

function contentTypes(sheets: readonly WrittenSheet[]): string {
  const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  let overrides = `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>`;
  sheets.forEach((s, i) => {
    overrides += `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.worksheet+xml"/>`;
    if (s.notes) overrides += `<Override PartName="/xl/comments${i + 1}.xml" ContentType="${ct}.comments+xml"/>`;
  });
  overrides += `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>`;
  overrides += `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.sharedStrings+xml"/>`;
  overrides += '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>';
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
    '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
    `${overrides}</Types>`
  );
}

/** Column letters, computed once per column. */
class ColumnLetters {
  private readonly cache: string[] = [];
  of(c: number): string {
    return (this.cache[c] ??= columnLetter(c));
  }
}

/** The shared-string table: each text once, by first use. */
class SharedStrings {
  private readonly ids = new Map<string, number>();
  private count = 0;
  /** The index of a text used again, known to the caller. */
  again(id: number): number {
    this.count++;
    return id;
  }
  index(text: string): number {
    this.count++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(text, id);
    }
    return id;
  }
  xml(): string {
    const parts: string[] = [XML_HEAD + `<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.ids.size}">`];
    for (const text of this.ids.keys()) parts.push(/^\s|\s$/.test(text) ? `<si><t xml:space="preserve">${xmlText(text)}</t></si>` : `<si><t>${xmlText(text)}</t></si>`);
    parts.push('</sst>');
    return parts.join('');
  }
}

interface CellStyle {
  fill?: string | undefined;
  bold?: boolean | undefined;
  wrap?: boolean | undefined;
  border?: boolean | undefined;
  format?: string | undefined;
}

/** Fonts, fills, borders, number formats and the cell formats combining them, by first use. */
class Styles {
  private readonly xfs = new Map<string, number>([['', 0]]);
  private readonly xfXml: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly fills = new Map<string, number>();
  private readonly formats = new Map<string, number>();
  private readonly dxfs = new Map<string, number>();

  /** The cell format of each styled cell object met in a column without a number format. */
  private readonly byCell = new WeakMap<StyledCell, number>();

  /**
   * The cell format of a styled cell in a column of number format `format`. A cell object met
   * again (the matrix hands the same object for every `R`) costs one lookup.
   */
  of(cell: StyledCell, format: string | undefined): number {
    if (format !== undefined) return this.xf({ fill: cell.fill, bold: cell.bold, wrap: cell.wrap, border: cell.border, format });
    let id = this.byCell.get(cell);
    if (id === undefined) this.byCell.set(cell, (id = this.xf({ fill: cell.fill, bold: cell.bold, wrap: cell.wrap, border: cell.border })));
    return id;
  }

  /** The index of the cell format with this style. */
  xf(s: CellStyle): number {
    const key = `${s.fill ?? ''}|${s.bold ? 1 : 0}${s.wrap ? 1 : 0}${s.border ? 1 : 0}|${s.format ?? ''}`;
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    const numFmt = s.format === undefined ? 0 : this.format(s.format);
    const fill = s.fill === undefined ? 0 : this.fill(s.fill);
    const font = s.bold ? 1 : 0;
    const border = s.border ? 1 : 0;
    const applies = `${numFmt ? ' applyNumberFormat="1"' : ''}${font ? ' applyFont="1"' : ''}${fill ? ' applyFill="1"' : ''}${border ? ' applyBorder="1"' : ''}`;
    const xml = `<xf numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"${applies}${s.wrap ? ' applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' : '/>'}`;
    const id = this.xfXml.push(xml) - 1;
    this.xfs.set(key, id);
    return id;
  }

  /** The index of a differential format (a conditional format's fill). */
  dxf(argb: string): number {
    let id = this.dxfs.get(argb);
    if (id === undefined) this.dxfs.set(argb, (id = this.dxfs.size));
    return id;
  }

  private fill(argb: string): number {
    let id = this.fills.get(argb);
    if (id === undefined) this.fills.set(argb, (id = this.fills.size + 2));
    return id;
  }

  private format(code: string): number {
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code]!;
    let id = this.formats.get(code);
    if (id === undefined) this.formats.set(code, (id = this.formats.size + 164));
    return id;
  }

  xml(): string {
    const solid = (argb: string): string => `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor rgb="${argb}"/></patternFill></fill>`;
    const thin = '<left style="thin"><color rgb="FFBFBFBF"/></left><right style="thin"><color rgb="FFBFBFBF"/></right><top style="thin"><color rgb="FFBFBFBF"/></top><bottom style="thin"><color rgb="FFBFBFBF"/></bottom>';
    const numFmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${attr(code)}"/>`).join('');
    return (
      XML_HEAD +
      `<styleSheet xmlns="${MAIN}">` +
      (this.formats.size > 0 ? `<numFmts count="${this.formats.size}">${numFmts}</numFmts>` : '') +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
      `<fills count="${this.fills.size + 2}"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>${[...this.fills.keys()].map(solid).join('')}</fills>` +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}<diagonal/></border></borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfXml.length}">${this.xfXml.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${this.dxfs.size}">${[...this.dxfs.keys()].map((argb) => `<dxf>${solid(argb)}</dxf>`).join('')}</dxfs>` +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
    );
  }
}
