// The realistic books of issue 14's bench, generated deterministically (a seeded generator):
// - `realistic(n)`: n accounts with a title row above each sheet's headers, a Staff sheet, and 6–10
//   division-of-labour rows per account (3–5 tasks, each with one A and one or two R, some C and I),
//   about 1% of accounts carrying a problem (an unknown person, no A, two A, an overdue date);
// - `fullSheet()`: an Assignments sheet at Excel's limit, 1,048,576 rows (header and 1,048,575
//   rows), beside its Accounts and Staff sheets; and the same rows as one CSV file.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import { rng } from './example-data.mjs';

export const SURNAMES = ['张', '王', '李', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙', 'Smith', 'Chen', 'Garcia', 'Lee'];
export const GIVEN = ['伟', '芳', '娜', '洋', '静', '磊', '敏', '强', '杰', '婷', '明', '丽', ' Alex', ' Maria', ' John', ' Wei'];
export const PLACES = ['华东', '华北', '华南', '西南', '东北', 'Pacific', 'Atlantic', 'Summit', '长江', '珠江'];
export const TRADES = ['精密制造', '重工', '物流', '零售', '科技', '医药', 'Energy', 'Software', '化工', '食品'];

/** The staff of a book of `n` accounts, by role: names drawn with `pick` (a seeded generator's). */
export function staffFor(n, pick) {
  const people = (k, role, dept) => Array.from({ length: k }, (_v, i) => ({ name: `${pick(SURNAMES)}${pick(GIVEN)}${role}${i}`, role, dept }));
  return {
    managers: people(Math.max(10, Math.round(n / 40)), '客户经理', '销售部'),
    leads: people(Math.max(2, Math.round(n / 400)), '销售经理', '销售部'),
    agents: people(Math.max(5, Math.round(n / 100)), '客服专员', '客服部'),
    csLeads: people(Math.max(2, Math.round(n / 1000)), '客服主管', '客服部'),
    analysts: people(Math.max(2, Math.round(n / 1000)), '数据分析', '市场部'),
  };
}
const TASKS = ['日常跟进', '客户拜访', '投诉处理', '合同续签', '季度回顾', '技术支持', 'Follow-up', 'Complaints', 'Renewal', 'QBR'];
const FREQ = ['每周', '每两周', '每月', '每季度', 'weekly', 'monthly', '一次'];
const STATUS = ['进行中', '未开始', '已完成', 'doing'];

/** The people and the rows of a book of `n` accounts with `perAccount` rows on average (deterministic). */
function content(n, seed, rowsFor) {
  const rand = rng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const { managers, leads, agents, csLeads, analysts } = staffFor(n, pick);
  const staff = [...managers, ...leads, ...agents, ...csLeads, ...analysts];
  const day = (offset) => new Date(Date.UTC(2025, 10, 15) + offset * 86400000);
  const accounts = [];
  const rows = [];
  for (let i = 0; i < n; i++) {
    const name = `${pick(PLACES)}${pick(TRADES)}${i}号公司`;
    const owner = pick(managers).name;
    const rev = Math.round(rand() * 2000);
    accounts.push([`KA${String(i).padStart(6, '0')}`, name, pick(TRADES), pick(PLACES), owner, rev, Math.round(rev * (0.8 + rand() * 0.6)), 1 + Math.floor(rand() * 15), 1 + Math.floor(rand() * 5), Math.round(60 + rand() * 40) / 100, Math.round(rev * (0.9 + rand() * 0.2)), rev, day(-Math.floor(rand() * 25)), '普通客户']);
    const problem = rand() < 0.01 ? Math.floor(rand() * 4) : -1;
    for (const row of rowsFor(rand, pick, { name, owner, managers, leads, agents, csLeads, analysts, problem, day })) rows.push(row);
  }
  return { accounts, staff, rows };
}

/** 3–5 tasks, each with one A and one or two R, and a C now and then: 6–10 rows, about 6.9 on average. */
function realisticRows(rand, pick, a) {
  const out = [];
  const r = rand();
  const tasks = [...TASKS].sort(() => rand() - 0.5).slice(0, r < 0.78 ? 3 : r < 0.97 ? 4 : 5);
  for (const [t, task] of tasks.entries()) {
    const sales = t % 2 === 0;
    const due = rand() < 0.3 ? a.day(Math.floor(rand() * 120 - 10)) : null;
    const row = (person, dept, letter, hours) => [a.name, task, person, dept, letter, due, pick(FREQ), hours, pick(STATUS)];
    out.push(row(sales ? pick(a.leads).name : pick(a.csLeads).name, sales ? '销售部' : '客服部', 'A', 1));
    out.push(row(sales ? a.owner : pick(a.agents).name, sales ? '销售部' : '客服部', 'R', 2));
    if (rand() < 0.1) out.push(row(sales ? pick(a.managers).name : pick(a.agents).name, sales ? '销售部' : '客服部', 'R', 1.5));
  }
  if (rand() < 0.1 && out.length < 10) out.push([a.name, out[0][1], pick(a.analysts).name, '市场部', 'C', null, '每季度', 1, '进行中']);
  // About 1% of accounts carry a problem the rules find.
  if (a.problem === 0) out[1][2] = `${pick(SURNAMES)}某某`;
  else if (a.problem === 1) out[0][4] = 'C';
  else if (a.problem === 2) out[1][4] = 'A';
  else if (a.problem === 3) out[0][5] = a.day(-5);
  return out.slice(0, 10);
}

const ACCOUNT_HEADERS = ['客户编号', '客户名称', '行业', '区域', '客户经理', '年采购额(万元)', '合同金额(万元)', '合作年限', '战略重要性', '满意度', '2023年采购额(万元)', '2024年采购额(万元)', '最近联系日期', '客户等级'];
const ASSIGNMENT_HEADERS = ['客户名称', '工作内容', '负责人', '负责部门', '角色', '时间节点', '频率', '预计工时', '状态'];

/** Writes the book with exceljs's streaming writer (shared strings, date formats), a title row above each sheet's headers. */
async function writeBook(file, { accounts, staff, rows }, titled = true) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = (name, title, headers, data, dateCol) => {
    const ws = wb.addWorksheet(name);
    if (titled && title) {
      const row = ws.addRow([title]);
      ws.mergeCells(1, 1, 1, headers.length);
      row.commit();
    }
    ws.addRow(headers).commit();
    for (const x of data) {
      const row = ws.addRow(x);
      if (dateCol) row.getCell(dateCol).numFmt = 'yyyy-mm-dd';
      row.commit();
    }
    ws.commit();
  };
  sheet('客户信息', '大客户名单（2025年11月）', ACCOUNT_HEADERS, accounts, 13);
  sheet('人员', '', ['姓名', '岗位', '部门', '每周可用工时', '在职'], staff.map((p) => [p.name, p.role, p.dept, 40, '是']));
  sheet('分工明细', '大客户分工表（2025年11月）', ASSIGNMENT_HEADERS, rows, 6);
  await wb.commit();
}

const FULL_ROWS = 1_048_575;

/** The accounts and division-of-labour rows of the realistic book of `n` accounts ('full': the 1,048,576-row sheet), without writing it. */
export function bookSize(n) {
  if (n === 'full') {
    const data = content(Math.ceil(FULL_ROWS / 6.9) + 2000, 1_048_576, realisticRows);
    const names = new Set(data.rows.slice(0, FULL_ROWS).map((r) => r[0]));
    return { accounts: data.accounts.filter((a) => names.has(a[1])).length, rows: FULL_ROWS };
  }
  const data = content(n, n + 14, realisticRows);
  return { accounts: n, rows: data.rows.length };
}

/** The realistic book of `n` accounts; returns its row count. */
export async function realistic(n, file) {
  const data = content(n, n + 14, realisticRows);
  await writeBook(file, data);
  return { accounts: n, rows: data.rows.length };
}

/** The assignments of 1,048,575 rows (Excel's last row holds the last), as a workbook and as one CSV. */
export async function fullSheet(xlsx, csv) {
  const target = FULL_ROWS;
  const data = content(Math.ceil(target / 6.9) + 2000, 1_048_576, realisticRows);
  data.rows.length = target;
  const names = new Set(data.rows.map((r) => r[0]));
  data.accounts = data.accounts.filter((a) => names.has(a[1]));
  await writeBook(xlsx, data, false);
  const out = createWriteStream(csv);
  const cell = (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === null ? '' : /[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const lines = [ASSIGNMENT_HEADERS.join(','), ...data.rows.map((r) => r.map(cell).join(','))];
  for (let i = 0; i < lines.length; i += 10_000) if (!out.write(`${lines.slice(i, i + 10_000).join('\n')}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return { accounts: data.accounts.length, rows: target };
}
