// Precise identification: candidates and rules.
import type { Messages } from '../../../../lib/i18n';

export default {
  identify: {
    menu: {
      candidates: ['精准识别', 'Identification'], rules: ['识别规则', 'Identification rules'],
    },
    rule: {
      aid_cases: ['多次医疗/帮扶求助', 'Repeated medical/hardship requests'],
      low_income_job: ['低收入新就业形态且有赡养负担', 'Low-income new employment with dependants'], work_injury: ['工伤纠纷', 'Work-injury dispute'],
      disability: ['残疾', 'Disability'], single_parent_disaster: ['单亲或因灾', 'Single parent or disaster'],
      income_below_line: ['收入低于当地标准', 'Income below the local line'], relapse: ['退出后返困迹象', 'Signs of relapse after exit'],
    },
    param: {
      minCases: ['最少工单数', 'Minimum cases'], jobTypes: ['就业形态', 'Job types'], minDependants: ['最少赡养/抚养人数', 'Minimum dependants'],
      line: ['比较标准', 'Line'], minimum_living: ['最低生活保障标准', 'Minimum living line'], low_income: ['低收入标准', 'Low-income line'],
    },
    field: {
      name: ['姓名', 'Name'], org: ['所属工会', 'Union'], idNumber: ['身份证号', 'ID number'], phone: ['手机号', 'Phone'], jobType: ['就业形态', 'Job type'],
      score: ['得分', 'Score'], reasons: ['识别依据', 'Reasons'], visit: ['走访', 'Visit'], rule: ['规则', 'Rule'], minScore: ['最低得分', 'Min. score'],
      enabled: ['启用', 'On'], weight: ['权重', 'Weight'], params: ['阈值', 'Thresholds'], source: ['来源', 'Source'], computedAt: ['计算时间', 'Computed'],
      reason: ['排除原因', 'Reason'], assignee: ['走访人员', 'Visitor'], dueDate: ['走访期限', 'Due date'], note: ['走访说明', 'Instructions'],
      disability: ['残疾', 'Disability'], dependants: ['赡养/抚养人数', 'Dependants'], incomePerHead: ['家庭月人均收入（元）', 'Income per head per month (yuan)'],
      singleParent: ['单亲', 'Single parent'], disaster: ['因灾致困', 'Hit by disaster'], situationNote: ['备注', 'Note'], updated: ['最后更新', 'Last updated'],
    },
    action: {
      recompute: ['重新计算', 'Recompute'], verify: ['核实建档', 'Verify (open file)'], dismiss: ['排除', 'Dismiss'], visit: ['安排走访', 'Assign visit'],
      dryRun: ['试运行', 'Dry run'], save: ['保存规则', 'Save rules'], reset: ['恢复继承', 'Inherit again'], edit: ['编辑', 'Edit'], filter: ['查询', 'Search'],
      show: ['查看', 'Show'], recordConsent: ['已有本人签字同意书，登记并建档', 'Signed form on hand: record consent and open'],
    },
    hint: {
      list: ['名单由规则对会员库和服务工单计算得出，仅列出尚无在档困难档案的会员；信息脱敏程度与会员花名册相同。', 'Computed by the rules over the registry and the service cases; only members without a current hardship file; masked as the member roster is.'],
      running: ['正在计算…{done}/{total}', 'Computing… {done}/{total}'], done: ['计算完成：{n} 名候选', 'Done: {n} candidates'],
      failed: ['计算失败', 'The recompute failed'], verified: ['已建立草稿档案', 'A draft file was opened'],
      dismissed: ['已排除，六个月内不再显示（出现新证据除外）', 'Dismissed: hidden for six months unless new evidence appears'],
      visitAssigned: ['已安排走访', 'Visit assigned'],
      noConsent: ['该会员尚未同意建立困难档案。请会员在“镇工惠”H5 上同意；或已取得本人签字的书面同意书的，可在此登记后建档。', 'The member has not consented to a hardship file. Ask them to consent on the H5, or, with their signed paper form on hand, record it here and open the file.'],
      dismissHint: ['排除后六个月内不再显示；若出现新的识别依据（新的规则命中或工单数增加）会重新出现。', 'Hidden for six months; shown again if new evidence appears (a new rule fires or a case count grows).'],
      own: ['本级设置', 'Set here'], inherited: ['继承自 {org}', 'Inherited from {org}'], defaults: ['系统默认', 'Default'],
      rulesHint: ['本级未设置的规则沿用上级或系统默认。保存前可先试运行，查看各规则将命中的人数。', 'Rules not set here follow the parent org or the defaults. Dry-run first to see how many members each rule would flag.'],
      dryRunSaved: ['现行规则', 'Saved rules'], dryRunProposed: ['调整后', 'With changes'], total: ['合计命中人数', 'Members flagged'],
      situation: ['困难情况（敏感信息，加密保存；每次查看均记录日志）', 'Situation (sensitive, encrypted; every view is logged)'], noSituation: ['尚未登记', 'Not recorded'],
    },
    yuan: ['{n} 元', '{n} yuan'],
  },
} satisfies Messages;
