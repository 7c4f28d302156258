/**
 * Example rows for `kam init --example`: six accounts, five people and the division of labour
 * between them — every account with the work its tier requires (the strategic tier's list, so any
 * computed tier is covered), one person accountable and another responsible where they differ,
 * last contacts within every cadence, one contract renewal with a due date — so that `kam check`
 * finds no error on the day it is written, and the sheets show what each column holds.
 */
import type { ResolvedConfig } from '../../config/resolve.js';
import type { Lang } from '../../model/lang.js';
import type { Cell } from '../../model/styled-sheet.js';
import { tierLabel } from '../../model/tier.js';
import { fromDayNumber, toDayNumber, type IsoDate } from '../../util/date.js';

export interface ExampleRows {
  accounts: Cell[][];
  staff: Cell[][];
  assignments: Cell[][];
}

/** The roles `kam init` offers when none are given. */
export const DEFAULT_ROLES: Record<Lang, string[]> = {
  zh: ['客户经理', '客服', '技术支持', '销售总监'],
  en: ['Account Manager', 'Customer Service', 'Technical Support', 'Sales Director'],
};

const PEOPLE: Record<Lang, { name: string; dept: string }[]> = {
  zh: [
    { name: '张伟', dept: '销售部' },
    { name: '王芳', dept: '销售部' },
    { name: '李娜', dept: '客服部' },
    { name: '刘洋', dept: '技术部' },
    { name: '陈静', dept: '销售部' },
  ],
  en: [
    { name: 'Alice Chen', dept: 'Sales' },
    { name: 'Ben Wang', dept: 'Sales' },
    { name: 'Carol Li', dept: 'Service' },
    { name: 'David Liu', dept: 'Engineering' },
    { name: 'Emma Zhao', dept: 'Sales' },
  ],
};

// id, name (zh, en), industry (zh, en), region (zh, en), owner (index), revenue and contract (万元), years, strategic, satisfaction
const ACCOUNTS: [string, string, string, string, string, string, string, number, number, number, number, number, number][] = [
  ['KA001', '华东精密制造有限公司', 'East China Precision', '制造业', 'Manufacturing', '华东', 'East', 0, 1850, 2200, 8, 5, 0.95],
  ['KA002', '北方重工集团', 'Northern Heavy Industry', '制造业', 'Manufacturing', '华北', 'North', 1, 1320, 1500, 10, 4, 0.78],
  ['KA003', '银河半导体', 'Galaxy Semiconductor', '电子', 'Electronics', '华东', 'East', 0, 1100, 900, 3, 5, 0.88],
  ['KA004', '明德商业银行', 'Mingde Commercial Bank', '金融', 'Finance', '华南', 'South', 1, 860, 1200, 6, 4, 0.91],
  ['KA005', '岭南医药连锁', 'Lingnan Pharmacy', '医药', 'Healthcare', '华南', 'South', 0, 540, 480, 4, 3, 0.84],
  ['KA006', '远洋物流集团', 'Ocean Logistics', '物流', 'Logistics', '华北', 'North', 1, 320, 260, 2, 2, 0.8],
];

/** The example rows in the book's language, dated around `today`. */
export function exampleRows(config: ResolvedConfig, lang: Lang, roles: readonly string[], today: IsoDate): ExampleRows {
  const zh = lang === 'zh';
  const people = PEOPLE[lang];
  const role = (i: number): string => (roles.length > 0 ? roles[i % roles.length]! : DEFAULT_ROLES[lang][i % 4]!);
  const day = (offset: number): Cell => dateCell(fromDayNumber(toDayNumber(today) + offset));
  const tiers = config.tiers;
  const label = (i: number): string => tierLabel(tiers[Math.min(i, tiers.length - 1)], lang);
  // Staff: two account managers, service, support, and the director who signs off reviews.
  const staffRoles = [role(0), role(0), role(1), role(2), role(3)];
  const staff: Cell[][] = people.map((p, i) => [p.name, `E${String(i + 1).padStart(3, '0')}`, p.dept, staffRoles[i]!, 40, i < 2 ? 8 : null, i === 4 ? null : people[4]!.name, zh ? '是' : 'yes', null]);
  const accounts: Cell[][] = ACCOUNTS.map((a, i) => [
    a[0],
    zh ? a[1] : a[2],
    zh ? a[3] : a[4],
    zh ? a[5] : a[6],
    people[a[7]]!.name,
    zh ? a[8] : a[8] * 10000,
    zh ? a[9] : a[9] * 10000,
    a[10],
    a[11],
    a[12],
    label(i === 0 ? 0 : i === 1 ? 1 : 2),
    null,
    day(-3 - i),
    zh ? `${people[a[7]]!.name}对接人` : 'Purchasing',
    null,
    null,
  ]);
  const task = (type: string): string => {
    const words = config.tasks[type] ?? [];
    return (zh ? words.find((w) => /[\u4e00-\u9fff]/.test(w)) : words.find((w) => !/[\u4e00-\u9fff]/.test(w))) ?? words[0] ?? type;
  };
  const [service, support, director] = [people[2]!, people[3]!, people[4]!];
  const required = config.services[tiers[0]?.id ?? '']?.required ?? ['follow-up'];
  const freq = (w: string, e: string): string => (zh ? w : e);
  const assignments: Cell[][] = [];
  for (const a of ACCOUNTS) {
    const name = zh ? a[1] : a[2];
    const owner = people[a[7]]!;
    const row = (type: string, person: { name: string; dept: string }, raci: string, frequency: string, hours: number, due: Cell = null): Cell[] => [name, task(type), person.name, person.dept, raci, frequency, hours, due, zh ? '进行中' : 'in progress', null, null];
    for (const type of required) {
      if (type === 'follow-up') assignments.push(row(type, owner, 'A/R', freq('每周', 'weekly'), 2));
      else if (type === 'support') assignments.push(row(type, owner, 'A', freq('每月', 'monthly'), 1), row(type, support, 'R', freq('每月', 'monthly'), 3));
      else if (type === 'complaints') assignments.push(row(type, owner, 'A', freq('每月', 'monthly'), 1), row(type, service, 'R', freq('每月', 'monthly'), 2));
      else if (type === 'review') assignments.push(row(type, director, 'A', freq('每季度', 'quarterly'), 2), row(type, owner, 'R', freq('每季度', 'quarterly'), 4));
      else assignments.push(row(type, owner, 'A/R', freq('每月', 'monthly'), 2));
    }
    if (a[0] === 'KA001') assignments.push(row('contract', director, 'A', freq('一次', 'once'), 2, day(30)), row('contract', owner, 'R', freq('一次', 'once'), 8, day(30)));
  }
  return { accounts, staff, assignments };
}

/** A date cell. */
function dateCell(date: IsoDate): Cell {
  return { value: date, date: true };
}
