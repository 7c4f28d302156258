// Builds the example books in examples/ (and the CSV exports) from scripts/example-data.mjs.
// Run: npm run examples. The books are committed; a test rebuilds them and compares the scores.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { EN_ACCOUNTS, EN_STAFF, ZH_ACCOUNTS, ZH_STAFF } from './example-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = (p) => join(process.argv[2] ?? join(root, 'examples'), p);
const date = (iso) => new Date(`${iso}T00:00:00Z`);
const FIXED = new Date(Date.UTC(2025, 10, 15));

function book() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kam examples';
  wb.created = FIXED;
  wb.modified = FIXED;
  return wb;
}

function headerStyle(row) {
  row.font = { bold: true };
  row.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
}

/** The Chinese book: title rows, 万元 units, messy cells, merged account cells, a totals row. */
async function zhBook() {
  const wb = book();
  const ws = wb.addWorksheet('客户信息');
  ws.addRow(['2025年大客户管理分工明确表 — 客户信息']);
  ws.mergeCells('A1:Q1');
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.addRow(['单位：万元；数据截至 2025-11-15']);
  ws.addRow([]);
  const header = ['客户编号', '客户名称', '行业', '区域', '客户经理', '年采购额(万元)', '合同金额（万元）', '合作年限', '战略重要性', '满意度', '2023年采购额(万元)', '2024年采购额(万元)', '最近联系日期', '客户等级', '人工定级', '联系人', '邮箱'];
  headerStyle(ws.addRow(header));
  const first = 5;
  ZH_ACCOUNTS.forEach((a, i) => {
    const [id, name, industry, region, owner, rev, contract, years, strategic, sat, r23, r24, last, tier, override] = a;
    if (i === 15) ws.addRow([]); // a blank row in the middle of the data
    const row = ws.addRow([id, name, industry, region, owner, rev, contract, years, strategic, sat, r23, r24, date(last), tier, override || null, `${owner}对接人`, null]);
    row.getCell(10).numFmt = '0%';
    row.getCell(13).numFmt = 'yyyy-mm-dd';
    for (const c of [6, 7, 11, 12]) row.getCell(c).numFmt = '#,##0';
  });
  const cell = (id, col) => ws.getCell(`${col}${first + ZH_ACCOUNTS.findIndex((a) => a[0] === id) + (ZH_ACCOUNTS.findIndex((a) => a[0] === id) >= 15 ? 1 : 0)}`);
  // The messiness real books have.
  cell('KA005', 'F').value = '1,100';
  cell('KA009', 'F').value = '310万';
  cell('KA011', 'F').value = '５２０';
  cell('KA016', 'G').value = '￥600万';
  cell('KA018', 'H').value = '2年';
  cell('KA022', 'I').value = '3';
  cell('KA019', 'J').value = '83%';
  cell('KA024', 'M').value = '2025/10/12';
  cell('KA029', 'M').value = '2025年9月19日';
  cell('KA002', 'B').value = { richText: [{ font: { bold: true }, text: '北方重工' }, { text: '集团' }] };
  cell('KA017', 'Q').value = { text: 'kam@mingde-bank.cn', hyperlink: 'mailto:kam@mingde-bank.cn' };
  const last = ws.lastRow.number;
  const total = ws.addRow(['合计', null, null, null, null, { formula: `SUM(F${first}:F${last})`, result: 0 }, { formula: `SUM(G${first}:G${last})`, result: 0 }]);
  total.font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 4 }];
  ws.columns.forEach((c, i) => (c.width = [9, 22, 9, 7, 9, 14, 15, 9, 10, 8, 17, 17, 13, 10, 10, 14, 22][i] ?? 10));

  const staff = wb.addWorksheet('人员');
  headerStyle(staff.addRow(['姓名', '工号', '岗位', '部门', '每周可用工时', '客户上限', '上级', '在职']));
  for (const s of ZH_STAFF) staff.addRow(s.map((v) => (v === '' ? null : v)));

  const asg = wb.addWorksheet('分工明细');
  asg.addRow(['2025年大客户管理分工明细']);
  asg.mergeCells('A1:J1');
  headerStyle(asg.addRow(['客户名称', '工作内容', '负责人', '负责部门', '角色', '时间节点', '频率', '预计工时', '状态', '锁定']));
  for (const a of ZH_ACCOUNTS) {
    const rows = zhAssignments(a);
    const start = asg.lastRow.number + 1;
    rows.forEach((r, i) => asg.addRow([i === 0 ? a[1] : null, ...r]));
    if (rows.length > 1) asg.mergeCells(`A${start}:A${start + rows.length - 1}`);
  }
  asg.getColumn(6).numFmt = 'yyyy-mm-dd';
  asg.columns.forEach((c, i) => (c.width = [22, 14, 8, 8, 6, 12, 8, 9, 8, 6][i]));
  return wb;
}

/** The division-of-labour rows of one Chinese account, with problems planted in a few. */
function zhAssignments(a) {
  const [id, , , , owner, , , , , , , , , tier] = a;
  const strategic = /战略|^A$/.test(tier) || id === 'KA003';
  const important = /重要|^B$/.test(tier);
  const cs = Number(id.slice(2)) % 2 ? '杨磊' : '吴婷';
  const tech = Number(id.slice(2)) % 2 ? '周杰' : '徐明';
  // Hours per occurrence: a strategic account takes a day a week of its manager's time.
  const followUp = strategic ? ['每周', 8] : important ? ['每两周', 4] : ['每月', 3];
  const rows = [
    ['日常跟进', owner, '销售部', 'R', null, followUp[0], followUp[1], '进行中', null],
    ['日常跟进', '赵敏', '销售部', 'A', null, followUp[0], followUp[1], '进行中', null],
    ['投诉处理', id === 'KA007' ? '郑浩' : cs, '客服部', '负责', null, '每月', 3, '进行中', null],
    ['投诉处理', '黄强', '客服部', '审批', null, '每月', 3, '进行中', null],
  ];
  if (id === 'KA013') rows.splice(1, 1); // no accountable person for follow-up
  if ((strategic || important) && id !== 'KA012') {
    rows.push(['技术支持', id === 'KA020' ? '王小明' : tech, '技术部', 'R', null, '每月', 6, '进行中', null]);
    rows.push(['技术支持', owner, '销售部', 'A', null, '每月', 6, '进行中', null]);
  }
  if (strategic || id === 'KA012') {
    rows.push(['季度业务回顾', owner, '销售部', 'R', null, '每季度', 8, '未开始', id === 'KA001' ? '是' : null]);
    rows.push(['季度业务回顾', '赵敏', '销售部', 'A', null, '每季度', 8, '未开始', null]);
    rows.push(['季度业务回顾', '孙丽', '市场部', 'C', null, '每季度', 8, '未开始', null]);
  }
  if (id === 'KA004') {
    rows.push(['客户分析报告', null, '市场部', 'R', date('2025-12-31'), '一次', 8, '未开始', null]);
    rows.push(['客户分析报告', null, '销售部', 'R', date('2025-12-31'), '一次', 8, '未开始', null]);
    rows.push(['客户分析报告', '孙丽', '市场部', 'A', date('2025-12-31'), '一次', 8, '未开始', null]);
  }
  if (id === 'KA015') {
    rows.push(['续约', owner, '销售部', 'R', date('2025-10-31'), '一次', 6, '进行中', null]);
    rows.push(['续约', '赵敏', '销售部', 'A', date('2025-10-31'), '一次', 6, '进行中', null]);
  }
  if (id === 'KA027') {
    rows.push(['合同谈判', owner, '销售部', 'R', '2025年12月20日', '一次', 10, '未开始', null]);
    rows.push(['合同谈判', '赵敏', '销售部', 'A', '2025/12/20', '一次', 10, '未开始', null]);
  }
  return rows;
}

/** The English book: clean, amounts in yuan, one header row per sheet. */
async function enBook() {
  const wb = book();
  const ws = wb.addWorksheet('Accounts');
  headerStyle(ws.addRow(['Account ID', 'Account Name', 'Industry', 'Region', 'Account Manager', 'Annual Revenue', 'Contract Value', 'Years', 'Strategic Importance', 'Satisfaction', 'Revenue 2023', 'Revenue 2024', 'Last Contact', 'Tier']));
  for (const a of EN_ACCOUNTS) {
    const row = ws.addRow(a.map((v, i) => (i === 12 ? date(v) : v)));
    row.getCell(13).numFmt = 'yyyy-mm-dd';
    for (const c of [6, 7, 11, 12]) row.getCell(c).numFmt = '#,##0';
  }
  ws.columns.forEach((c) => (c.width = 16));
  const staff = wb.addWorksheet('Staff');
  headerStyle(staff.addRow(['Name', 'Employee ID', 'Role', 'Department', 'Capacity Hours', 'Max Accounts', 'Manager', 'Active']));
  for (const s of EN_STAFF) staff.addRow(s.map((v) => (v === '' ? null : v)));
  const asg = wb.addWorksheet('Assignments');
  headerStyle(asg.addRow(['Account', 'Task', 'Person', 'Department', 'RACI', 'Due', 'Frequency', 'Hours', 'Status', 'Locked']));
  for (const r of enAssignmentRows()) asg.addRow(r);
  asg.getColumn(6).numFmt = 'yyyy-mm-dd';
  return wb;
}

function enAssignmentRows() {
  const rows = [];
  for (const a of EN_ACCOUNTS) {
    const [, name, , , owner, , , , , , , , , tier] = a;
    rows.push([name, 'Follow-up', owner, 'Sales', 'R', null, tier === 'Strategic' ? 'weekly' : 'biweekly', 2, 'doing', null]);
    rows.push([name, 'Follow-up', 'Grace Liu', 'Sales', 'A', null, tier === 'Strategic' ? 'weekly' : 'biweekly', 2, 'doing', null]);
    rows.push([name, 'Complaints', 'Henry Sun', 'Service', 'R', null, 'monthly', 1, 'doing', null]);
    rows.push([name, 'Complaints', 'Ivy Xu', 'Service', 'A', null, 'monthly', 1, 'doing', null]);
    if (tier === 'Strategic') {
      rows.push([name, 'Technical Support', 'Jack Wu', 'Engineering', 'R', null, 'monthly', 3, 'doing', null]);
      rows.push([name, 'Technical Support', owner, 'Sales', 'A', null, 'monthly', 3, 'doing', null]);
      rows.push([name, 'Business Review', owner, 'Sales', 'R', null, 'quarterly', 4, 'todo', null]);
      rows.push([name, 'Business Review', 'Grace Liu', 'Sales', 'A', null, 'quarterly', 4, 'todo', null]);
    }
  }
  return rows;
}

/** The Chinese accounts sheet as Excel in China exports it: GBK, values as displayed. */
function zhCsv() {
  const lines = [['2025年大客户管理分工明确表 — 客户信息', ...Array(16).fill('')], ['单位：万元；数据截至 2025-11-15', ...Array(16).fill('')], Array(17).fill('')];
  lines.push(['客户编号', '客户名称', '行业', '区域', '客户经理', '年采购额(万元)', '合同金额（万元）', '合作年限', '战略重要性', '满意度', '2023年采购额(万元)', '2024年采购额(万元)', '最近联系日期', '客户等级', '人工定级', '联系人', '邮箱']);
  const thousands = (n) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const slash = (iso) => iso.replace(/-0?/g, '/').replace(/^(\d+)\/(\d+)\/(\d+)$/, '$1/$2/$3');
  ZH_ACCOUNTS.forEach((a, i) => {
    const [id, name, industry, region, owner, rev, contract, years, strategic, sat, r23, r24, last, tier, override] = a;
    if (i === 15) lines.push(Array(17).fill(''));
    lines.push([id, name, industry, region, owner, thousands(rev), thousands(contract), String(years), String(strategic), sat === null ? '' : `${Math.round(sat * 100)}%`, thousands(r23), thousands(r24), slash(last), tier, override, `${owner}对接人`, id === 'KA017' ? 'kam@mingde-bank.cn' : '']);
  });
  const sum = (k) => ZH_ACCOUNTS.reduce((s, a) => s + a[k], 0);
  lines.push(['合计', '', '', '', '', thousands(sum(5)), thousands(sum(6)), ...Array(10).fill('')]);
  const text = lines.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(',')).join('\r\n') + '\r\n';
  return iconv.encode(text, 'gbk');
}

function enCsvFolder() {
  const csv = (rows) => '\ufeff' + rows.map((r) => r.map((v) => (v === null || v === undefined ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v))).join(',')).join('\n') + '\n';
  const dir = out('csv-en');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'accounts.csv'), csv([['Account ID', 'Account Name', 'Industry', 'Region', 'Account Manager', 'Annual Revenue', 'Contract Value', 'Years', 'Strategic Importance', 'Satisfaction', 'Revenue 2023', 'Revenue 2024', 'Last Contact', 'Tier'], ...EN_ACCOUNTS]));
  writeFileSync(join(dir, 'staff.csv'), csv([['Name', 'Employee ID', 'Role', 'Department', 'Capacity Hours', 'Max Accounts', 'Manager', 'Active'], ...EN_STAFF]));
  writeFileSync(join(dir, 'assignments.csv'), csv([['Account', 'Task', 'Person', 'Department', 'RACI', 'Due', 'Frequency', 'Hours', 'Status', 'Locked'], ...enAssignmentRows()]));
}

const config = {
  $schema: '../templates/kam.config.schema.json',
  scoring: {
    method: 'weighted',
    normalize: 'minmax',
    criteria: [
      { column: 'annual_revenue', weight: 0.35 },
      { column: 'contract_value', weight: 0.2 },
      { column: 'years', weight: 0.15 },
      { column: 'strategic', weight: 0.2 },
      { column: 'satisfaction', weight: 0.1 },
    ],
  },
  promote: [{ column: 'annual_revenue', min: 15000000, tier: 'strategic' }],
  tasks: { 'follow-up': ['Follow-up'], support: ['Technical Support'], complaints: ['Complaints'], review: ['Business Review'] },
  // As in SPEC §2's example: a light load is not worth a note in these books.
  rules: { 'load/idle': 'off' },
};

mkdirSync(out(''), { recursive: true });
await (await zhBook()).xlsx.writeFile(out('accounts-zh.xlsx'));
await (await enBook()).xlsx.writeFile(out('accounts-en.xlsx'));
writeFileSync(out('accounts-zh.csv'), zhCsv());
enCsvFolder();
writeFileSync(out('kam.config.json'), `${JSON.stringify(config, null, 2)}\n`);
console.log(`examples written to ${out('')}`);
