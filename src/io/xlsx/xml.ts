/**
 * The small XML toolkit the XLSX reader needs: entity decoding, attribute lookup and the guard
 * against DOCTYPE declarations. Spreadsheet XML is machine-written and flat, so plain string
 * scanning is both correct and much faster than a general parser.
 */
import { InputError } from '../../model/errors.js';

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

/** Decodes the five XML entities, numeric references and OOXML's `_xHHHH_` escapes. */
export function decodeXml(text: string): string {
  // A CDATA section is its text as written (`<![CDATA[AT&T Inc]]>`), the rest decoded (found by a new user: read with its markup).
  if (text.includes('<![CDATA[')) return text.split(CDATA).map((part, i) => (i % 2 === 1 ? part : decodeXml(part))).join('');
  let out = text;
  if (out.includes('&')) {
    out = out.replace(ENTITY, (_m, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
      if (name) return NAMED[name]!;
      const code = dec ? Number(dec) : parseInt(hex!, 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    });
  }
  if (out.includes('_x')) {
    out = out.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  return out;
}

/** A CDATA section, its text captured. */
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/;

/** The value of attribute `name` in an opening tag, decoded; undefined when absent. */
export function getAttr(tag: string, name: string): string | undefined {
  let i = tag.indexOf(` ${name}="`);
  if (i >= 0) {
    const start = i + name.length + 3;
    const end = tag.indexOf('"', start);
    return end < 0 ? undefined : decodeXml(tag.slice(start, end));
  }
  i = tag.indexOf(` ${name}='`);
  if (i >= 0) {
    const start = i + name.length + 3;
    const end = tag.indexOf("'", start);
    return end < 0 ? undefined : decodeXml(tag.slice(start, end));
  }
  // Rare spellings (`r = "A1"`, a newline before the name): only when the name occurs at all.
  if (!tag.includes(name)) return undefined;
  let re = ATTR_RE.get(name);
  if (!re) {
    re = new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*=\\s*(["'])(.*?)\\1`, 's');
    ATTR_RE.set(name, re);
  }
  const m = re.exec(tag);
  return m ? decodeXml(m[2]!) : undefined;
}

const ATTR_RE = new Map<string, RegExp>();

/** Every opening (or empty) tag with the local name `local`, whatever its namespace prefix. */
export function findTags(xml: string, local: string): string[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}(?=[\\s/>])[^>]*>`, 'g');
  return xml.match(re) ?? [];
}

/** A `&` and what follows it, to its `;` (or not: a bare `&` is no XML). */
const REFERENCE = /&([^;&<\s]{0,32});?/g;

/**
 * What in an element's text is no XML — a character XML does not allow (NUL), a reference to one
 * (`&#0;`, `&#xD800;`, `&#x110000;`), an entity no spreadsheet part declares (`&foo;`), a bare `&` —
 * as written; undefined for sound text. (Found by a CI user: each was read as something, exit 0.)
 */
export function notXml(text: string): string | undefined {
  // (A CDATA section's `&` is its text: only what lies outside the sections is asked.)
  if (text.includes('<![CDATA[')) {
    for (const [i, part] of text.split(CDATA).entries()) {
      // A section not closed within the text (a `</si>` inside a CDATA section ended a string there): no string kam
      // can read (found by a hostile-file trial: the recursion never ended, exit 3).
      if (i % 2 === 0 && part.includes('<![CDATA[')) return '<![CDATA[';
      const bad = notXml(i % 2 === 1 ? part.replace(/&/g, '&amp;') : part);
      if (bad !== undefined) return bad;
    }
    return undefined;
  }
  // Characters XML 1.0 does not allow in a document, written as themselves: controls but tab, LF and CR; U+FFFE, U+FFFF.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x9 && c !== 0xa && c !== 0xd) || c === 0xfffe || c === 0xffff) return `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  if (!text.includes('&')) return undefined;
  for (const m of text.matchAll(REFERENCE)) {
    const body = m[1]!;
    if (!m[0].endsWith(';')) return m[0];
    if (body in NAMED) continue;
    const num = /^#(?:(\d+)|x([0-9a-fA-F]+))$/.exec(body);
    const code = num ? (num[1] !== undefined ? Number(num[1]) : parseInt(num[2]!, 16)) : -1;
    const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) return m[0];
  }
  return undefined;
}

/** The namespace prefix (with its colon, or '') of the first element named `local`. */
export function prefixOf(xml: string, local: string): string {
  const m = new RegExp(`<([\\w.-]+:)?${local}[\\s/>]`).exec(xml);
  return m?.[1] ?? '';
}

/**
 * True when the character code after `<name` ends the tag name (space, tab, CR, LF, `>` or `/`):
 * `<row ` or `<row>` is a row, `<rowBreaks` is not.
 */
export function endsTagName(code: number): boolean {
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

/** Rejects DOCTYPE declarations: spreadsheet parts never need one, and entity expansion is an attack. */
export function assertNoDoctype(xml: string, file: string, part: string): void {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml.slice(0, 4096)) || /<!ENTITY/i.test(xml)) {
    throw new InputError('input.doctype', { part }, { file });
  }
}

/** XML with its end tags written without white space before their `>` (`</t >` as `</t>`, as XML allows it). */
export function tightEndTags(xml: string): string {
  return xml.includes(' >') || xml.includes('\n>') || xml.includes('\t>') || xml.includes('\r>') ? xml.replace(/<\/([^\s>]+)\s+>/g, '</$1>') : xml;
}

/** Concatenated text of every `<t>` element in a string item, leaving out phonetic runs (`<rPh>`). */
export function stringItemText(xml: string, prefix: string): string {
  let body = tightEndTags(xml);
  if (body.includes('rPh')) body = body.replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '');
  const open = `<${prefix}t`;
  const close = `</${prefix}t>`;
  let out = '';
  let i = body.indexOf(open);
  while (i >= 0) {
    const after = body.charCodeAt(i + open.length);
    // `<t>` or `<t xml:space=…>`, but not `<tab>` or similar.
    if (endsTagName(after)) {
      const gt = body.indexOf('>', i);
      if (gt < 0) break;
      if (body.charCodeAt(gt - 1) === 47) {
        i = body.indexOf(open, gt);
        continue;
      }
      const end = body.indexOf(close, gt);
      if (end < 0) break;
      out += body.slice(gt + 1, end);
      i = body.indexOf(open, end);
    } else {
      i = body.indexOf(open, i + open.length);
    }
  }
  return decodeXml(out);
}

/** An entity or character reference: `&amp;`, `&#20013;`, `&#x4E2D;`. */
const XML_REFERENCE = /&(?:[A-Za-z_][\w.-]*|#\d+|#x[0-9A-Fa-f]+);/y;

/**
 * Whether `s` from `from` to `to` is well-formed XML content: every tag closed by its own name, attributes quoted
 * and named once, `&` only as a reference, no `<` inside a tag; comments, CDATA and processing instructions
 * skipped. With `once`, the children of the outermost element may not repeat (a cell's `<v>`, `<f>`, `<is>`); with
 * `amps` false, `s` is known to hold no `&`.
 * For the parts of a sheet read the general way (found by a new user: `<v>500000` without its `</v>`, or with a
 * second `<v>`, read as an empty or another value, and `kam tier --write` stored tiers made from it).
 */
export function wellFormedXml(s: string, from: number, to: number, once = false, amps = true): boolean {
  // (Small lists, not sets: a cell has a tag or three. And the next `&` kept, not searched for again from each tag:
  // searched anew it made a row's check quadratic; found by review, 3.0 → 5.5 s for a book read the general way.
  // Characters compared by code, not as strings of one: every cell read the general way is checked.)
  const stack: string[] = [];
  const children: string[] = [];
  const names: string[] = [];
  // (`amps` false: the caller knows `s` holds no `&`, and it is not searched for in each cell of a row.)
  let amp = amps ? s.indexOf('&', from) : -1;
  let i = from;
  while (i < to) {
    let lt = s.indexOf('<', i);
    if (lt < 0 || lt > to) lt = to;
    while (amp >= 0 && amp < lt) {
      XML_REFERENCE.lastIndex = amp;
      if (!XML_REFERENCE.test(s)) return false;
      amp = s.indexOf('&', amp + 1);
    }
    if (lt === to) break;
    const next = s.charCodeAt(lt + 1);
    if (next === 33 || next === 63) {
      // `<!--`, `<![CDATA[`, `<?`: to their ends.
      const close = s.startsWith('<!--', lt) ? '-->' : next === 63 ? '?>' : s.startsWith('<![CDATA[', lt) ? ']]>' : undefined;
      if (close === undefined) return false;
      const end = s.indexOf(close, lt + 2);
      if (end < 0 || end + close.length > to) return false;
      i = end + close.length;
      if (amp >= 0 && amp < i) amp = s.indexOf('&', i);
      continue;
    }
    if (next === 47) {
      const gt = s.indexOf('>', lt);
      if (gt < 0 || gt >= to) return false;
      let end = gt;
      while (end > lt + 2 && isSpace(s.charCodeAt(end - 1))) end--;
      const open = stack.pop();
      if (open === undefined || end - (lt + 2) !== open.length || !s.startsWith(open, lt + 2)) return false;
      i = gt + 1;
      continue;
    }
    let k = lt + 1;
    while (k < to && !endsTagName(s.charCodeAt(k)) && s.charCodeAt(k) !== 60) k++;
    if (k === lt + 1 || k >= to) return false;
    const name = s.slice(lt + 1, k);
    names.length = 0;
    for (;;) {
      // ` name="value"`: white space, a name, `=`, a quoted value without `<`.
      let a = k;
      while (a < to && isSpace(s.charCodeAt(a))) a++;
      const c = s.charCodeAt(a);
      if (a === k || a >= to || c === 47 || c === 62) {
        k = a;
        break;
      }
      let e = a;
      while (e < to && !isSpace(s.charCodeAt(e)) && s.charCodeAt(e) !== 61 && s.charCodeAt(e) !== 62 && s.charCodeAt(e) !== 47 && s.charCodeAt(e) !== 60) e++;
      let q = e;
      while (q < to && isSpace(s.charCodeAt(q))) q++;
      if (e === a || s.charCodeAt(q) !== 61) return false;
      q++;
      while (q < to && isSpace(s.charCodeAt(q))) q++;
      const quote = s.charCodeAt(q);
      if (quote !== 34 && quote !== 39) return false;
      const closeQuote = s.indexOf(quote === 34 ? '"' : "'", q + 1);
      if (closeQuote < 0 || closeQuote >= to) return false;
      const lessThan = s.indexOf('<', q + 1);
      if (lessThan >= 0 && lessThan < closeQuote) return false;
      const attr = s.slice(a, e);
      if (names.includes(attr)) return false;
      names.push(attr);
      k = closeQuote + 1;
    }
    const selfClosing = s.charCodeAt(k) === 47;
    if (selfClosing) k++;
    if (k >= to || s.charCodeAt(k) !== 62) return false;
    if (once && stack.length === 1) {
      if (children.includes(name)) return false;
      children.push(name);
    }
    if (!selfClosing) stack.push(name);
    i = k + 1;
    // (An attribute's `&` is not looked at: the references checked are those of text.)
    if (amp >= 0 && amp < i) amp = s.indexOf('&', i);
  }
  return stack.length === 0;
}

/** XML's white space: space, tab, line feed, carriage return. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}
