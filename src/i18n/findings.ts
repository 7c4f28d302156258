/** Finding messages per rule, and the wording of the reasons a value could not be read. */
import type { Lang } from './messages.js';

export const FINDING_MESSAGES: Record<Lang, Record<string, string>> = {
  en: {
    'schema/missing-sheet': 'the book has no {role} sheet',
    'schema/missing-column': 'required column "{column}" is missing',
    'schema/invalid-value': '"{value}" in column {header} cannot be read: expected {expected}',
    'schema/empty-required': 'required value "{header}" is empty',
    'schema/duplicate-key': '"{key}" appears again (first in row {first})',
    'schema/duplicate-header': 'header "{header}" repeats column {first}: this column is ignored',
    'schema/blank-header': 'column {column} has data but no header: it is ignored',
    'data/missing-value': '{header} is empty: scored as the worst value',
  },
  zh: {
    'schema/missing-sheet': '工作簿缺少{role}工作表',
    'schema/missing-column': '缺少必需列「{column}」',
    'schema/invalid-value': '{header} 列的「{value}」无法识别：应为{expected}',
    'schema/empty-required': '必填项「{header}」为空',
    'schema/duplicate-key': '「{key}」重复出现（首次在第 {first} 行）',
    'schema/duplicate-header': '表头「{header}」与 {first} 列重复：该列被忽略',
    'schema/blank-header': '{column} 列有数据但没有表头：该列被忽略',
    'data/missing-value': '{header} 为空：按最差值计分',
  },
};

export const FINDING_HINTS: Record<Lang, Record<string, string>> = {
  en: {
    'schema/invalid-value': 'write a plain value such as 1200000, 120万, 2025-11-15 or 是/否',
    'data/missing-value': 'fill in the cell, or drop the criterion from scoring.criteria',
    'schema/duplicate-key': 'give each account its own id or name',
  },
  zh: {
    'schema/invalid-value': '请填写规范的值，如 1200000、120万、2025-11-15 或 是/否',
    'data/missing-value': '请补全该单元格，或从 scoring.criteria 中去掉该指标',
    'schema/duplicate-key': '每个客户应有唯一的编号或名称',
  },
};

/** What a value should have been, by the normaliser's reason code. */
export const EXPECTED: Record<Lang, Record<string, string>> = {
  en: {
    number: 'a number (e.g. 1200000, 120万, ¥1,200,000, 12%)',
    date: 'a date (e.g. 2025-11-15)',
    'ambiguous-date': 'an unambiguous date: write it as 2025-11-05',
    boolean: 'yes/no (是/否)',
    formula: 'a value, but the formula has no cached result: open and save the file in Excel',
    tier: 'a tier name (e.g. 战略客户, Strategic, A) or an alias in "tiers"',
    raci: 'R, A, C or I (or 负责 / 审批 / 咨询 / 知会)',
    frequency: 'a frequency (每天, 每周, 每两周, 每月, 每季度, 每半年, 每年, 一次; daily … once; 每周2次)',
    status: 'a status (未开始 / 进行中 / 已完成 / 暂停; todo / doing / done / paused)',
    error: 'a value, not the error {value}',
  },
  zh: {
    number: '数字（如 1200000、120万、¥1,200,000、12%）',
    date: '日期（如 2025-11-15）',
    'ambiguous-date': '无歧义的日期：请写成 2025-11-05',
    boolean: '是/否',
    formula: '数值，但该公式没有缓存结果：请在 Excel 中打开并保存文件',
    tier: '等级名称（如 战略客户、Strategic、A）或 "tiers" 中的别名',
    raci: 'R、A、C 或 I（或 负责 / 审批 / 咨询 / 知会）',
    frequency: '频率（每天、每周、每两周、每月、每季度、每半年、每年、一次，或 每周2次）',
    status: '状态（未开始 / 进行中 / 已完成 / 暂停）',
    error: '数值，而不是错误值 {value}',
  },
};
