/**
 * The template workbook of `kam init` (issue 11): the four sheets kam reads — accounts, staff,
 * division of labour, rules — with a title row, headers in the book's language, frozen header rows,
 * widths, number formats (万元 amounts, dates), and drop-downs for tier, RACI, frequency, status,
 * 在职 and 锁定 fed from a hidden lists sheet by range (bounded ranges: never a whole column).
 * `--example` fills realistic rows that pass `kam check` without an error.
 */
import type { ResolvedConfig } from '../../config/resolve.js';
import type { Lang } from '../../model/lang.js';
import type { Cell, StyledCell, StyledSheet } from '../../model/styled-sheet.js';
import { tierLabel } from '../../model/tier.js';
import { displayWidth } from '../../util/width.js';
import type { IsoDate } from '../../util/date.js';
import { exampleRows, type ExampleRows } from './example.js';

/** Rows of each sheet that carry drop-downs and formats below the header: bounded, as Excel and exceljs need. */
export const TEMPLATE_ROWS = 1000;

type ListName = 'tier' | 'raci' | 'frequency' | 'status' | 'yesNo' | 'scale' | 'role';

interface ColumnDef {
  zh: string;
  en: string;
  width?: number;
  format?: string;
  list?: ListName;
}

const AMOUNT = '#,##0.00';
const DATE = 'yyyy-mm-dd';

const ACCOUNTS: ColumnDef[] = [
  { zh: '客户编号', en: 'Account ID', width: 12 },
  { zh: '客户名称', en: 'Account Name', width: 24 },
  { zh: '行业', en: 'Industry' },
  { zh: '区域', en: 'Region' },
  { zh: '客户经理', en: 'Account Manager', width: 12 },
  { zh: '年采购额（万元）', en: 'Annual Revenue', width: 16, format: AMOUNT },
  { zh: '合同金额（万元）', en: 'Contract Value', width: 16, format: AMOUNT },
  { zh: '合作年限', en: 'Years', format: '0' },
  { zh: '战略重要性', en: 'Strategic Importance', list: 'scale' },
  { zh: '满意度', en: 'Satisfaction', format: '0%' },
  { zh: '客户等级', en: 'Tier', width: 12, list: 'tier' },
  { zh: '人工定级', en: 'Tier Override', width: 12, list: 'tier' },
  { zh: '最近联系日期', en: 'Last Contact', width: 14, format: DATE },
  { zh: '联系人', en: 'Contact' },
  { zh: '电话', en: 'Phone', width: 14, format: '@' },
  { zh: '邮箱', en: 'Email', width: 22 },
];

const STAFF: ColumnDef[] = [
  { zh: '姓名', en: 'Name' },
  { zh: '工号', en: 'Employee ID', format: '@' },
  { zh: '部门', en: 'Department', width: 12 },
  { zh: '岗位', en: 'Role', width: 12, list: 'role' },
  { zh: '每周可用工时', en: 'Capacity Hours', width: 14, format: '0.0' },
  { zh: '客户上限', en: 'Max Accounts', format: '0' },
  { zh: '上级', en: 'Manager' },
  { zh: '在职', en: 'Active', list: 'yesNo' },
  { zh: '邮箱', en: 'Email', width: 22 },
];

const ASSIGNMENTS: ColumnDef[] = [
  { zh: '客户名称', en: 'Account', width: 24 },
  { zh: '工作内容', en: 'Task', width: 14 },
  { zh: '负责人', en: 'Person' },
  { zh: '负责部门', en: 'Department', width: 12 },
  { zh: 'RACI角色', en: 'RACI', list: 'raci' },
  { zh: '频率', en: 'Frequency', list: 'frequency' },
  { zh: '预计工时', en: 'Hours', format: '0.0' },
  { zh: '截止日期', en: 'Due Date', width: 14, format: DATE },
  { zh: '状态', en: 'Status', list: 'status' },
  { zh: '锁定', en: 'Locked', list: 'yesNo' },
  { zh: '备注', en: 'Notes', width: 24 },
];

const RULES: ColumnDef[] = [
  { zh: '参数', en: 'Key', width: 32 },
  { zh: '值', en: 'Value', width: 16 },
  { zh: '说明', en: 'Notes', width: 48 },
];

const TITLES: Record<'accounts' | 'staff' | 'assignments' | 'rules', Record<Lang, { sheet: string; title: string }>> = {
  accounts: { zh: { sheet: '客户信息', title: '大客户信息（金额单位：万元）' }, en: { sheet: 'Accounts', title: 'Key accounts (amounts in yuan)' } },
  staff: { zh: { sheet: '人员信息', title: '团队成员' }, en: { sheet: 'Staff', title: 'Team' } },
  assignments: { zh: { sheet: '分工明细', title: '大客户管理分工明确表' }, en: { sheet: 'Assignments', title: 'Division of labour' } },
  rules: { zh: { sheet: '规则', title: '规则：此处的设置覆盖 kam.config.json（参数如 tiers.0.top，值如 10%）' }, en: { sheet: 'Rules', title: 'Rules: settings here override kam.config.json (keys such as tiers.0.top, values such as 10%)' } },
};

/** The hidden sheet the drop-downs read their choices from. */
export const LISTS_SHEET: Record<Lang, string> = { zh: '下拉选项', en: 'Lists' };

/** The choices of each drop-down, in the book's language: words kam reads back as what they say. */
function lists(config: ResolvedConfig, lang: Lang, roles: readonly string[]): Record<ListName, (string | number)[]> {
  const zh = lang === 'zh';
  return {
    tier: config.tiers.map((t) => tierLabel(t, lang)),
    raci: ['R', 'A', 'C', 'I', 'A/R'],
    frequency: zh ? ['每天', '每周', '每两周', '每月', '每季度', '每年', '一次'] : ['daily', 'weekly', 'every 2 weeks', 'monthly', 'quarterly', 'yearly', 'once'],
    status: zh ? ['未开始', '进行中', '已完成', '暂停', '已取消'] : ['not started', 'in progress', 'done', 'paused', 'cancelled'],
    yesNo: zh ? ['是', '否'] : ['yes', 'no'],
    scale: [1, 2, 3, 4, 5],
    role: [...roles],
  };
}

export interface TemplateOptions {
  lang: Lang;
  /** The team's roles (岗位): the Staff sheet's drop-down. */
  roles: readonly string[];
  /** Fill example rows, dated around `today`. */
  example?: boolean;
  today: IsoDate;
}

/** The template's sheets, in order: accounts, staff, assignments, rules, then the hidden lists. */
export function templateSheets(config: ResolvedConfig, options: TemplateOptions): StyledSheet[] {
  const { lang } = options;
  const choices = lists(config, lang, options.roles);
  const order: ListName[] = ['tier', 'raci', 'frequency', 'status', 'yesNo', 'scale', 'role'];
  const listSheet = LISTS_SHEET[lang];
  const example: ExampleRows | undefined = options.example ? exampleRows(config, lang, options.roles, options.today) : undefined;
  const sheet = (role: keyof typeof TITLES, columns: ColumnDef[], rows: Cell[][]): StyledSheet => {
    const { sheet: name, title } = TITLES[role][lang];
    const header = columns.map((c): StyledCell => ({ value: c[lang], bold: true, fill: 'FFDDEBF7', border: true, wrap: true }));
    const last = 2 + TEMPLATE_ROWS;
    const validations = columns.flatMap((c, i) => {
      if (!c.list) return [];
      const col = order.indexOf(c.list) + 1;
      return [{ area: { top: 3, left: i + 1, bottom: last, right: i + 1 }, source: { sheet: listSheet, area: { top: 2, left: col, bottom: 1 + Math.max(1, choices[c.list].length), right: col } } }];
    });
    const widths = columns.map((c, i) => Math.max(c.width ?? 10, displayWidth(c[lang]) + 2, ...rows.map((r) => displayWidth(String(valueOf(r[i]) ?? '')) + 2)));
    return {
      kind: 'styled',
      name,
      rows: [[{ value: title, bold: true }], header, ...rows],
      widths,
      formats: columns.map((c) => c.format),
      merges: [{ top: 1, left: 1, bottom: 1, right: columns.length }],
      freeze: { rows: 2, columns: role === 'rules' ? 0 : 1 },
      autoFilter: { top: 2, left: 1, bottom: 2 + Math.max(rows.length, 1), right: columns.length },
      validations,
      print: { landscape: true, fitToWidth: true, titleRows: 2 },
    };
  };
  const listsSheet: StyledSheet = {
    kind: 'styled',
    name: listSheet,
    hidden: true,
    rows: [order.map((l) => ({ value: LIST_TITLES[l][lang], bold: true })), ...transpose(order.map((l) => choices[l]))],
    widths: order.map(() => 14),
  };
  return [
    sheet('accounts', ACCOUNTS, example?.accounts ?? []),
    sheet('staff', STAFF, example?.staff ?? []),
    sheet('assignments', ASSIGNMENTS, example?.assignments ?? []),
    sheet('rules', RULES, []),
    listsSheet,
  ];
}

const LIST_TITLES: Record<ListName, Record<Lang, string>> = {
  tier: { zh: '客户等级', en: 'Tier' },
  raci: { zh: 'RACI', en: 'RACI' },
  frequency: { zh: '频率', en: 'Frequency' },
  status: { zh: '状态', en: 'Status' },
  yesNo: { zh: '是/否', en: 'Yes/No' },
  scale: { zh: '1–5', en: '1–5' },
  role: { zh: '岗位', en: 'Role' },
};

function valueOf(cell: Cell | undefined): unknown {
  return cell !== null && typeof cell === 'object' ? cell.value : cell;
}

function transpose(columns: (string | number)[][]): Cell[][] {
  const height = Math.max(...columns.map((c) => c.length));
  return Array.from({ length: height }, (_, r) => columns.map((c) => c[r] ?? null));
}
