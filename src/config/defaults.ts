/** The defaults of SPEC §2: everything has one, so no config file is needed to start. */

export const DEFAULT_CRITERIA = [
  { column: 'annual_revenue', weight: 0.35, direction: 'benefit' },
  { column: 'contract_value', weight: 0.2, direction: 'benefit' },
  { column: 'years', weight: 0.15, direction: 'benefit' },
  { column: 'strategic', weight: 0.2, direction: 'benefit' },
  { column: 'satisfaction', weight: 0.1, direction: 'benefit' },
] as const;

export const DEFAULT_TIERS = [
  { id: 'strategic', label: { zh: '战略客户', en: 'Strategic' }, aliases: ['战略', 'A'], top: '10%' },
  { id: 'important', label: { zh: '重要客户', en: 'Important' }, aliases: ['重要', 'B'], top: '20%' },
  { id: 'normal', label: { zh: '普通客户', en: 'Ordinary' }, aliases: ['普通', 'C'] },
] as const;

export const DEFAULT_SERVICES = {
  strategic: { required: ['follow-up', 'support', 'complaints', 'review'], cadenceDays: 30 },
  important: { required: ['follow-up', 'complaints'], cadenceDays: 60 },
  normal: { required: ['follow-up'], cadenceDays: 90 },
} as const;

/** Task types and the names that mean them; a task name that matches none is its own type. */
export const DEFAULT_TASKS: Record<string, readonly string[]> = {
  'follow-up': ['日常跟进', '跟进订单', '客户拜访', '回访客户', '客户回访', 'follow-up', 'visit'],
  // 技術支援: Hong Kong's and Taiwan's word (found by a new user).
  support: ['技术支持', '技术服务', '技术支援', 'technical support'],
  'after-sales': ['售后服务', '售后支持', '订单处理', 'after-sales'],
  complaints: ['投诉处理', '处理投诉', '客诉处理', 'complaints'],
  review: ['业务回顾', '季度回顾', '季度业务回顾', 'QBR', 'business review'],
  contract: ['合同谈判', '签约', '续约', 'contract'],
  analysis: ['数据分析', '客户分析报告', 'data analysis'],
};

export const DEFAULT_RACI_SHARE = { R: 1, A: 0.2, C: 0.1, I: 0 } as const;

export const DEFAULT_LOAD = { over: 1.0, high: 0.85, idle: 0.4, target: 0.85, defaultCapacity: 40, hoursPerDay: 8 } as const;

export const DEFAULT_ABC = { column: 'annual_revenue', cutoffs: [0.8, 0.95] } as const;

/** Input size limit in MB (1 MB = 2^20 bytes): a file above it is refused before it is read. */
export const DEFAULT_LIMITS = { inputMB: 256 } as const;
