import ExcelJS from 'exceljs';
import type { Db } from '../../kernel/db.js';
import type { Lang } from '../../kernel/errors.js';
import type { CongressBody, CongressTerm } from './congress.access.js';
import { PROPOSAL_STATES, type ProposalRating, type ProposalState } from './proposal.schema.js';
import { termProposals } from './proposal.service.js';

// 提案办理情况报告: what the committee reports to the next session, generated from the data. Sheet
// one: totals by state (and the overdue and second-handling counts); sheet two: one row per
// proposal with its proposer, departments, answers, the proposer's rating per round and rounds.
// Only .xlsx: the project has no .docx library (none is installed on purpose).

export const STATE_LABEL: Record<ProposalState, { zh: string; en: string }> = {
  cosigning: { zh: '附议中', en: 'Co-signing' },
  submitted: { zh: '待审查', en: 'Submitted' },
  accepted: { zh: '已立案', en: 'Accepted' },
  converted: { zh: '转意见建议', en: 'Converted to a suggestion' },
  rejected: { zh: '不立案', en: 'Rejected' },
  assigned: { zh: '办理中', en: 'Assigned' },
  answered: { zh: '已答复', en: 'Answered' },
  closed: { zh: '已办结', en: 'Closed' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const RATING_LABEL: Record<ProposalRating, { zh: string; en: string }> = {
  satisfied: { zh: '满意', en: 'Satisfied' },
  basic: { zh: '基本满意', en: 'Basically satisfied' },
  unsatisfied: { zh: '不满意', en: 'Unsatisfied' },
};

export async function proposalReport(
  db: Db,
  term: CongressTerm,
  body: CongressBody,
  today: string,
  lang: Lang,
): Promise<Buffer> {
  const zh = lang === 'zh';
  const list = await termProposals(db, term.id, today);
  const wb = new ExcelJS.Workbook();
  const sum = wb.addWorksheet(zh ? '汇总' : 'Summary');
  sum.columns = [{ width: 28 }, { width: 14 }];
  sum.addRow([zh ? '提案办理情况报告' : 'Report on the handling of proposals']).font = { bold: true, size: 14 };
  sum.addRow([zh ? '职代会' : 'Congress', body.name]);
  sum.addRow([zh ? '届次' : 'Term', zh ? `第${term.number}届` : `Term ${term.number}`]);
  sum.addRow([zh ? '统计日期' : 'As of', today]);
  sum.addRow([]);
  sum.addRow([zh ? '状态' : 'State', zh ? '件数' : 'Count']).font = { bold: true };
  for (const s of PROPOSAL_STATES) sum.addRow([STATE_LABEL[s][lang], list.filter((p) => p.state === s).length]);
  sum.addRow([zh ? '合计' : 'Total', list.length]).font = { bold: true };
  sum.addRow([zh ? '其中：超期未答复' : 'Of which overdue', list.filter((p) => p.overdue).length]);
  sum.addRow([zh ? '其中：二次办理' : 'Of which handled twice', list.filter((p) => p.round > 1).length]);

  const ws = wb.addWorksheet(zh ? '提案明细' : 'Proposals');
  ws.columns = [
    { width: 8 },
    { width: 36 },
    { width: 12 },
    { width: 24 },
    { width: 12 },
    { width: 30 },
    { width: 60 },
    { width: 24 },
    { width: 10 },
  ];
  ws.addRow(
    zh
      ? ['提案号', '标题', '提案人', '附议人', '状态', '承办部门', '答复', '提案人评价', '办理轮次']
      : ['No.', 'Title', 'Proposer', 'Co-signers', 'State', 'Departments', 'Answers', 'Proposer’s rating', 'Rounds'],
  ).font = { bold: true };
  for (const p of list) {
    const current = p.assignments.filter((a) => a.round === p.round && !a.returnedAt);
    const departments = current
      .map((a) => `${a.department}（${a.role === 'lead' ? (zh ? '主办' : 'lead') : zh ? '协办' : 'assisting'}）`)
      .join('、');
    const answers = p.answers
      .map((a) => `[${zh ? `第${a.round}轮` : `round ${a.round}`}] ${a.department}：${a.body}`)
      .join('\n');
    const proposerRatings = p.ratings
      .filter((r) => r.representativeId === p.proposerId)
      .map((r) => `${zh ? `第${r.round}轮` : `round ${r.round}`} ${RATING_LABEL[r.rating][lang]}`)
      .join('；');
    ws.addRow([
      p.number ?? '',
      p.title,
      p.proposerName,
      p.cosigners
        .filter((c) => c.state === 'accepted')
        .map((c) => c.name)
        .join('、'),
      STATE_LABEL[p.state][lang] + (p.overdue ? (zh ? '（超期）' : ' (overdue)') : ''),
      departments,
      answers,
      proposerRatings,
      p.round,
    ]);
  }
  ws.getColumn(7).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
