// How workers ask versus how the law words it. Phrases are rewritten before the text is cut;
// words then match their alternatives too (a query word or any of its synonyms).

/** Colloquial phrases rewritten before segmentation (longest first). */
export const PHRASES: Array<[string, string]> = [
  ['要啥', '需要什么'],
  ['咋办', '怎么办'],
  ['咋整', '怎么办'],
  ['啥', '什么'],
  ['咋', '怎么'],
  ['多久', '多长时间'],
  ['炒鱿鱼', '辞退'],
];

/** A query word → other words that mean the same here. */
export const SYNONYMS: Record<string, string[]> = {
  入会: ['加入工会', '会员'],
  算: ['计算', '标准'],
  加班费: ['加班工资', '延长工作时间'],
  加班工资: ['加班费'],
  工资: ['劳动报酬', '薪水'],
  薪水: ['工资', '劳动报酬'],
  社保: ['社会保险'],
  五险一金: ['社会保险', '住房公积金'],
  老板: ['用人单位'],
  公司: ['用人单位'],
  单位: ['用人单位'],
  辞退: ['解除劳动合同', '解除'],
  开除: ['解除劳动合同', '辞退'],
  补偿: ['经济补偿'],
  赔偿: ['赔偿金', '经济补偿'],
  欠薪: ['拖欠工资', '拖欠'],
  讨薪: ['拖欠工资', '欠薪'],
  受伤: ['工伤'],
  车祸: ['交通事故'],
  上班: ['上下班'],
  下班: ['上下班'],
  合同: ['劳动合同'],
  仲裁: ['劳动仲裁', '劳动争议'],
  年假: ['年休假', '带薪年休假'],
  骑手: ['外卖骑手', '新就业形态'],
  最长: ['不得超过'],
};

/** Words that carry no meaning of their own in a question; dropped from queries (kept in documents). */
export const STOPWORDS = new Set([
  '怎么', '怎样', '怎么办', '什么', '哪些', '哪里', '如何', '是否', '能否', '可以', '能', '会', '吗', '呢', '吧', '啊', '呀',
  '的', '了', '是', '有', '要', '需要', '我', '我们', '你', '您', '请问', '应该', '该', '多少', '多长时间', '一下', '和', '与', '及', '在', '被', '给', '对',
]);
