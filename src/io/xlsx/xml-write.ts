/**
 * Text that kam writes into spreadsheet XML. XML 1.0 forbids most control characters even as
 * character references, so they are written in OOXML's own `_xHHHH_` form, which Excel, LibreOffice
 * and kam's reader decode; an underscore that would otherwise start such a form is itself escaped
 * (`_x005F_`), so that every text reads back exactly as it was.
 */

/** Characters XML 1.0 cannot carry (C0 controls but tab and LF, lone surrogates, U+FFFE/U+FFFF), and CR, which XML folds into LF. */
// eslint-disable-next-line no-control-regex -- control characters are what this escapes
const FORBIDDEN = /[\0-\x08\x0b\x0c\r\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|_(?=x[0-9a-fA-F]{4}_)/g;

/** Escapes text for the OOXML text layer (`_xHHHH_`), before XML escaping. */
export function ooxmlText(text: string): string {
  return text.replace(FORBIDDEN, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

/** Text as the content of an XML element: OOXML escapes, then `&`, `<` and `>`. */
export function xmlText(text: string): string {
  return ooxmlText(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
