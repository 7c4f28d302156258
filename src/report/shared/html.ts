/** Self-contained HTML pages (`kam matrix -o raci.html`, `kam report -o report.html`): escaping and the page's head. */
import type { Lang } from '../../model/lang.js';

/** Nothing is fetched: styles inline, images (none) only as data URLs. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** Text as HTML: `&`, `<`, `>`, quotes escaped; nothing a user wrote becomes markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * The start of a self-contained page, up to `<body>`: the language, UTF-8, the CSP that lets
 * nothing be fetched, the viewport, the title (escaped here) and the inline style.
 */
export function pageHead(lang: Lang, title: string, css: string): string[] {
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
  ];
}
