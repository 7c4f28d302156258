/** How messages name the canonical columns: in Chinese by the header a Chinese book uses, in English by the canonical name. */
import type { Lang } from '../model/lang.js';
import { SHEET_ROLES, type COLUMNS, type SheetRole } from '../model/columns.js';
import { own } from '../util/own.js';

/** Every canonical column of every sheet role, as a Chinese message names it. */
export const ZH_COLUMN_NAMES: { [R in SheetRole]: Record<keyof (typeof COLUMNS)[R], string> } = {
  accounts: {
    id: '客户编号',
    name: '客户名称',
    industry: '行业',
    region: '区域',
    owner: '客户经理',
    annual_revenue: '年采购额',
    contract_value: '合同金额',
    years: '合作年限',
    since: '合作开始日期',
    strategic: '战略重要性',
    satisfaction: '满意度',
    last_contact: '最近联系日期',
    tier: '客户等级',
    tier_override: '人工定级',
    contact: '联系人',
    phone: '电话',
    email: '邮箱',
    computed_tier: '计算等级',
    computed_score: '计算评分',
  },
  staff: {
    name: '姓名',
    id: '工号',
    role: '岗位',
    department: '部门',
    capacity_hours: '每周可用工时',
    max_accounts: '客户上限',
    manager: '上级',
    active: '在职',
    email: '邮箱',
    phone: '电话',
  },
  assignments: {
    account: '客户',
    account_id: '客户编号',
    task: '工作内容',
    person: '负责人',
    department: '负责部门',
    raci: '角色（RACI）',
    due: '时间节点',
    frequency: '频率',
    hours: '预计工时',
    status: '状态',
    locked: '锁定',
    notes: '备注',
    tier: '客户等级',
  },
  rules: { key: '键', value: '值' },
};

/** A column's Chinese name when every role that has the column names it alike (`status`, `tier`), not `name` or `id`. */
function zhNameOfAnyRole(column: string): string | undefined {
  const names = new Set(SHEET_ROLES.flatMap((r) => own(ZH_COLUMN_NAMES[r] as Record<string, string>, column) ?? []));
  return names.size === 1 ? [...names][0] : undefined;
}

/**
 * A canonical column as a message names it in a language (`annual_revenue` → 年采购额 in Chinese);
 * anything else (a header, a criterion of the user's own) as written. `a / b` names each.
 */
export function columnTitle(lang: Lang, role: string | undefined, column: string): string {
  if (lang !== 'zh') return column;
  if (column.includes(' / ')) return column.split(' / ').map((c) => columnTitle(lang, role, c)).join(' / ');
  const names = role !== undefined && (SHEET_ROLES as readonly string[]).includes(role) ? (ZH_COLUMN_NAMES[role as SheetRole] as Record<string, string>) : undefined;
  return (names ? own(names, column) : zhNameOfAnyRole(column)) ?? column;
}
