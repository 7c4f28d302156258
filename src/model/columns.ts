/**
 * The vocabulary of the workbook: sheet roles, canonical column names and the headers (English and
 * Chinese) that mean them. Matching folds case, width, spaces and punctuation, so one spelling of
 * each is enough here.
 */

export const SHEET_ROLES = ['accounts', 'staff', 'assignments', 'rules'] as const;
export type SheetRole = (typeof SHEET_ROLES)[number];

/** Each sheet's name by role, as messages name it: `找不到分工工作表`, `no Assignments sheet found`. */
export const SHEET_ROLE_NAMES: Record<SheetRole, { zh: string; en: string }> = {
  accounts: { zh: '客户', en: 'Accounts' },
  staff: { zh: '人员', en: 'Staff' },
  assignments: { zh: '分工', en: 'Assignments' },
  rules: { zh: '规则', en: 'Rules' },
};

export const SHEET_ALIASES: Record<SheetRole, readonly string[]> = {
  accounts: ['accounts', 'account', 'customers', 'customer', 'clients', 'key accounts', 'account list', '客户', '客户信息', '大客户', '客户清单', '客户名单', '大客户名单', '大客户清单', '客户列表', '客户表', '大客户信息', '客户档案', '客户信息表'],
  staff: ['staff', 'people', 'team', 'employees', 'members', 'personnel', '人员', '员工', '团队', '人员信息', '员工信息', '团队成员', '人员名单', '员工名单', '人员表', '员工表'],
  assignments: ['assignments', 'responsibilities', 'raci', 'tasks', 'division of labour', 'division of labor', 'duties', '分工', '分工表', '分工明细', '职责分工', '任务分工', '分工明确表', '责任分工', '职责', '任务', '分工明细表', '职责分工表', 'raci matrix', 'responsibility matrix', '责任矩阵', 'by account', '按客户'],
  rules: ['rules', 'settings', 'config', 'configuration', '规则', '设置', '配置', '参数'],
};

export interface ColumnSpec {
  readonly aliases: readonly string[];
  /**
   * Looser names: matched like aliases, but a column with the column's own name or an alias wins
   * over one with a loose name (`Tier` over `Segment`, `RACI` over `角色`), which then stays an
   * unknown column.
   */
  readonly loose?: readonly string[];
}

export const ACCOUNT_COLUMNS = {
  id: { aliases: ['id', 'account id', 'account no', 'account number', 'customer id', 'customer no', 'client id', '客户编号', '客户编码', '客户代码', '客户id', '客户号'], loose: ['编号', '序号编码', 'record id', 'company id', 'account record id'] },
  name: { aliases: ['name', 'account', 'account name', 'customer', 'customer name', 'company name', 'client', 'client name', '客户名称', '客户', '公司名称', '企业名称', '客户全称', '单位名称', '大客户名称', '客户名'], loose: ['company', '名称'] },
  industry: { aliases: ['industry', 'sector', 'vertical', '行业', '所属行业', '行业类别', '行业属性'] },
  region: { aliases: ['region', 'area', 'territory', '区域', '地区', '所属区域', '大区', '片区'] },
  owner: { aliases: ['owner', 'account manager', 'account owner', 'key account manager', 'kam', 'am', '客户经理', '负责人', '大客户经理', '对接人', '跟进人', '销售负责人', '客户负责人', '业务负责人'], loose: ['company owner', 'contact owner', '所属负责人', '客户所有人'] },
  annual_revenue: { aliases: ['annual revenue', 'revenue', 'annual purchase', 'annual purchases', 'annual sales', 'annual spend', 'purchase volume', 'yearly revenue', 'sales', '年采购额', '年采购量', '年度消费额', '年销售额', '年度采购额', '年采购金额', '年消费额', '年营收', '采购额', '年度采购金额', '销售额', '年度销售额', '采购金额', '消费额', '营收'] },
  contract_value: { aliases: ['contract value', 'contract amount', 'contract', 'deal value', '合同金额', '合同额', '合同总额', '签约金额', '合同价值', '合约金额', '合约总额'] },
  years: { aliases: ['years', 'years of cooperation', 'relationship years', 'tenure', 'years as customer', 'relationship length', '合作年限', '合作年数', '合作时长', '合作年份数', '合作年资'] },
  since: { aliases: ['since', 'customer since', 'start date', 'cooperation start', 'relationship start', '合作开始日期', '合作开始时间', '首次合作日期', '开始合作日期', '合作起始日期', '签约日期'] },
  strategic: { aliases: ['strategic', 'strategic importance', 'strategic value', 'strategic score', 'importance', '战略重要性', '战略价值', '战略重要度', '重要性', '战略评分', '战略地位'] },
  satisfaction: { aliases: ['satisfaction', 'csat', 'customer satisfaction', 'satisfaction score', '满意度', '客户满意度', '满意度评分', '满意度得分'] },
  last_contact: { aliases: ['last contact', 'last contact date', 'last contacted', 'last visit', 'last touch', '最近联系日期', '最近联系', '最后联系日期', '上次联系日期', '最近拜访日期', '最近跟进日期', '最近联络日期', '最后联络日期', '最近联系时间', '上次联系时间'], loose: ['last activity', 'last activity date', 'last activity time', 'last engagement date', 'last contacted date', '最后跟进时间', '最后跟进日期', '最近跟进时间', '最后跟进', '最近跟进', '上次跟进时间', '最后活动时间'] },
  tier: {
    aliases: ['tier', 'current tier', 'recorded tier', 'account tier', '等级', '客户等级', '客户级别', '客户分级', '当前等级'],
    // Read only when the column's values are tier labels (a CRM's segment may be an industry).
    loose: ['level', 'grade', 'segment', 'customer tier', 'client tier', 'key account tier', 'ka tier', 'tier level', 'account tier level', 'account level', 'customer level', 'account grade', 'customer grade', 'account segment', 'customer segment', 'client segment', 'account classification', 'customer classification', '级别', '分级', '客户分类', '客户类别'],
  },
  tier_override: { aliases: ['tier override', 'override', 'pinned tier', 'manual tier', 'fixed tier', '人工定级', '手动定级', '指定等级', '人工等级', '锁定等级', '人工调整等级'] },
  contact: { aliases: ['contact', 'contact person', 'contact name', '联系人', '对接联系人', '客户联系人', '联系人姓名'] },
  phone: { aliases: ['phone', 'telephone', 'tel', 'mobile', 'phone number', '电话', '联系电话', '手机', '手机号', '联系方式'] },
  email: { aliases: ['email', 'e-mail', 'mail', 'email address', '邮箱', '电子邮箱', '邮件', '电子邮件'] },
  // kam's own columns (`kam tier --write`): found by header to be updated, never read as data.
  computed_tier: { aliases: ['kam tier', '计算等级', 'computed tier'] },
  computed_score: { aliases: ['kam score', '计算评分', 'computed score'] },
} as const satisfies Record<string, ColumnSpec>;

/** The headers `kam tier --write` gives its columns, in the book's language. */
export const KAM_COLUMN_HEADERS = {
  computed_tier: { zh: '计算等级', en: 'kam tier' },
  computed_score: { zh: '计算评分', en: 'kam score' },
} as const;

export const STAFF_COLUMNS = {
  name: { aliases: ['name', 'person', 'employee', 'staff', 'full name', 'member', '姓名', '员工姓名', '人员', '员工', '名字', '人员姓名'] },
  id: { aliases: ['id', 'employee id', 'staff id', 'employee no', 'badge', '工号', '员工编号', '编号', '员工号'] },
  role: { aliases: ['role', 'position', 'job title', '岗位', '职位', '角色', '岗位名称', '职务'], loose: ['title', 'job', '职称'] },
  department: { aliases: ['department', 'dept', 'team', 'division', '部门', '所属部门', '团队', '部门名称'], loose: ['business unit', '事业部'] },
  capacity_hours: { aliases: ['capacity', 'capacity hours', 'hours per week', 'weekly hours', 'available hours', 'weekly capacity', 'capacity per week', 'weekly capacity hours', 'available hours per week', '每周可用工时', '可用工时', '周工时', '每周工时', '工时上限', '周可用工时', '每周可用时间', '可用时间'] },
  max_accounts: { aliases: ['max accounts', 'account limit', 'max clients', '客户上限', '最大客户数', '负责客户上限', '客户数上限'] },
  manager: { aliases: ['manager', 'supervisor', 'reports to', 'line manager', '上级', '直属上级', '主管', '汇报对象', '上级领导'] },
  active: { aliases: ['active', 'is active', 'active?', 'employed', 'in service', 'enabled', 'is enabled', '在职', '在职状态', '是否在职', '员工状态'], loose: ['status', 'employment status', 'employee status', 'user status', 'account status', '状态'] },
  email: { aliases: ['email', 'e-mail', 'mail', '邮箱', '电子邮箱'] },
  phone: { aliases: ['phone', 'mobile', 'tel', '电话', '手机', '联系电话'] },
} as const satisfies Record<string, ColumnSpec>;

export const ASSIGNMENT_COLUMNS = {
  // A row names its account by name or by id: one of the two is a key column (KEY_COLUMNS).
  account: { aliases: ['account', 'account name', 'customer', 'customer name', 'client', 'client name', 'company', 'company name', '客户', '客户名称', '公司名称', '企业名称', '大客户', '对应客户', '服务客户', '客户名'] },
  account_id: { aliases: ['account id', 'account no', 'customer id', 'client id', '客户编号', '客户编码', '客户代码', '客户id'] },
  task: { aliases: ['task', 'work', 'duty', 'responsibility', 'activity', 'work item', 'job', '工作内容', '职责', '工作事项', '任务', '事项', '职责内容', '工作任务', '任务内容', '服务内容', '工作项', '服务项目', '服务事项'] },
  // (Salesforce's account team: `Team Member | Team Role`, found by a new user — the team read as nobody.)
  // (Salesforce's account team: `Team Member`, loose. Not `User`, `Member` or `团队成员`, which sit beside the person column
  // in books people keep and then made it ambiguous; found by review.)
  person: { aliases: ['person', 'assignee', 'owner', 'responsible person', 'staff', 'name', 'executor', '负责人', '执行人', '责任人', '承办人', '人员', '姓名', '经办人', '对接人'], loose: ['assigned to', 'assigned', 'task owner', '指派给', '分配给', 'team member'] },
  department: { aliases: ['department', 'dept', 'team', 'responsible department', '负责部门', '部门', '责任部门', '所属部门', '承办部门'], loose: ['business unit', '事业部'] },
  raci: { aliases: ['raci', 'raci role', 'responsibility type', '职责类型', 'raci角色', '责任类型', '职责角色'], loose: ['role', '角色', 'team role', 'member role', '团队角色'] },
  due: { aliases: ['due', 'due date', 'deadline', 'by', 'milestone', '时间节点', '截止日期', '截止时间', '完成时间', '完成期限', '到期日', '计划完成日期', '完成时限', '时限'] },
  frequency: { aliases: ['frequency', 'cadence', 'how often', 'recurrence', '频率', '频次', '周期', '执行频率'] },
  hours: { aliases: ['hours', 'effort', 'estimated hours', 'hours per occurrence', 'est hours', '预计工时', '工时', '预估工时', '所需工时', '单次工时'] },
  status: { aliases: ['status', 'state', 'progress', '状态', '进度', '完成状态', '任务状态'] },
  locked: { aliases: ['locked', 'lock', 'pinned', 'fixed', '锁定', '固定', '是否锁定'] },
  notes: { aliases: ['notes', 'remark', 'remarks', 'comment', '备注', '说明'] },
  // The account's tier beside its id and name (a `kam matrix` workbook): read when the book has no Accounts sheet.
  tier: { aliases: ['tier', 'account tier', '等级', '客户等级'] },
} as const satisfies Record<string, ColumnSpec>;

export const RULES_COLUMNS = {
  key: { aliases: ['key', 'setting', 'parameter', 'option', 'name', '键', '参数', '设置项', '配置项', '参数名', '项目', '名称', '规则'] },
  value: { aliases: ['value', 'setting value', '值', '取值', '设置值', '参数值', '数值', '配置值'] },
} as const satisfies Record<string, ColumnSpec>;

export const COLUMNS: Record<SheetRole, Record<string, ColumnSpec>> = {
  accounts: ACCOUNT_COLUMNS,
  staff: STAFF_COLUMNS,
  assignments: ASSIGNMENT_COLUMNS,
  rules: RULES_COLUMNS,
};

/** Every canonical column name of any sheet: the keys `columns` in the config may extend. */
export const CANONICAL_COLUMNS: readonly string[] = [...new Set(SHEET_ROLES.flatMap((r) => Object.keys(COLUMNS[r])))].sort();

/** Account columns that hold numbers (amounts, counts, scores). */
export const ACCOUNT_NUMBER_COLUMNS = ['annual_revenue', 'contract_value', 'years', 'strategic', 'satisfaction'] as const;

/**
 * The columns without which a sheet cannot be used, in the order they are asked for; each entry
 * is satisfied by any one of its names (an assignment names its account by name or by id).
 */
export const KEY_COLUMNS: Record<SheetRole, readonly (readonly string[])[]> = {
  accounts: [['name']],
  staff: [['name']],
  assignments: [['task'], ['account', 'account_id']],
  rules: [['key'], ['value']],
};

/** The first key column a table lacks (its first name), or undefined when it has them all. */
export function missingKeyColumn(role: SheetRole, byKey: { has(key: string): boolean }): string | undefined {
  return KEY_COLUMNS[role].find((names) => !names.some((n) => byKey.has(n)))?.[0];
}
