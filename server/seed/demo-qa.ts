import type { Deps } from '../kernel/context.js';
import type { Db } from '../kernel/db.js';
import { searchVector, type QaEntryRow } from '../modules/qa/index.js';
// The qa module's own demo data (its seed step calls this file): written through its schema file.
import { qaEntry } from '../modules/qa/qa.schema.js';

// Demo knowledge base: answers written for the demo, in plain words, after public Chinese
// labour law. Province-level entries reach every union below; a few belong to the city only.

type Seed = Pick<QaEntryRow, 'category' | 'question' | 'answer'> & {
  source: string | null;
  kind?: QaEntryRow['kind'];
  from?: string;
  to?: string;
};

export const DEMO_QA_PROVINCE: Seed[] = [
  // 工伤
  {
    category: 'work_injury',
    question: '工伤认定需要哪些材料？',
    source: '《工伤保险条例》第十八条',
    answer:
      '申请工伤认定一般要准备三类材料：一是工伤认定申请表；二是与用人单位存在劳动关系（包括事实劳动关系）的证明，例如劳动合同、工资条、考勤记录或工作证；三是医疗机构出具的受伤诊断证明，或者职业病诊断证明（鉴定书）。材料不齐的，社会保险行政部门会一次性书面告知要补哪些。',
  },
  {
    category: 'work_injury',
    question: '工伤认定申请有时间限制吗？',
    source: '《工伤保险条例》第十七条',
    answer:
      '有。职工受伤或被诊断为职业病后，单位应在 30 日内向社会保险行政部门申请工伤认定。单位没有按时申请的，受伤职工本人、近亲属或者工会组织可以在受伤之日（或职业病诊断、鉴定之日）起 1 年内直接申请。',
  },
  {
    category: 'work_injury',
    question: '哪些情况可以认定为工伤？',
    source: '《工伤保险条例》第十四条',
    answer:
      '主要包括：在工作时间和工作场所内因工作原因受伤；上班前后在工作场所做与工作有关的准备或收尾工作时受伤；履行工作职责时遭受暴力等意外伤害；患职业病；因工外出期间因工作原因受伤或下落不明；上下班途中遭受非本人主要责任的交通事故，或城市轨道交通、客运轮渡、火车事故伤害。',
  },
  {
    category: 'work_injury',
    question: '上下班路上出了交通事故算工伤吗？',
    source: '《工伤保险条例》第十四条第（六）项',
    answer:
      '在合理时间、合理路线的上下班途中，受到非本人主要责任的交通事故伤害，应当认定为工伤；本人负主要或全部责任的不予认定。责任划分通常以交警部门出具的事故认定书为依据，请注意保存。',
  },
  {
    category: 'work_injury',
    question: '停工留薪期的工资怎么发？',
    source: '《工伤保险条例》第三十三条',
    answer:
      '因工伤暂停工作接受治疗期间为停工留薪期，原工资福利待遇不变，由单位按月支付。停工留薪期一般不超过 12 个月；伤情严重或情况特殊的，经设区的市级劳动能力鉴定委员会确认可以延长，但延长部分也不超过 12 个月。',
  },
  {
    category: 'work_injury',
    question: '单位没给交工伤保险，受伤了怎么办？',
    source: '《工伤保险条例》第六十二条',
    answer:
      '应当参保而没有参保的单位，职工发生工伤后，由单位按照工伤保险待遇的项目和标准自行支付。职工照样可以申请工伤认定；单位不支付的，可以申请劳动仲裁。需要帮助可向工会申请法律援助。',
  },
  {
    category: 'work_injury',
    question: '工伤后什么时候做劳动能力鉴定？',
    source: '《工伤保险条例》第二十一条、第二十三条',
    answer:
      '治疗后伤情相对稳定、留有残疾并影响劳动能力的，应当做劳动能力鉴定。由单位、工伤职工或其近亲属向设区的市级劳动能力鉴定委员会申请，并提交工伤认定决定和工伤医疗的相关资料。',
  },
  // 劳动合同
  {
    category: 'labour_contract',
    question: '入职后多长时间内必须签书面劳动合同？',
    source: '《劳动合同法》第十条',
    answer: '建立劳动关系就应当订立书面劳动合同。入职时没有签的，单位应当自用工之日起一个月内与职工签订。',
  },
  {
    category: 'labour_contract',
    question: '单位一直不签劳动合同怎么办？',
    source: '《劳动合同法》第十四条、第八十二条',
    answer:
      '单位自用工之日起超过一个月、不满一年没有签书面劳动合同的，应当每月向职工支付二倍工资；满一年仍未签的，视为双方已订立无固定期限劳动合同。建议保留工资流水、考勤、工作证等证明劳动关系的材料。',
  },
  {
    category: 'labour_contract',
    question: '试用期最长可以约定多久？',
    source: '《劳动合同法》第十九条',
    answer:
      '看劳动合同期限：三个月以上不满一年的，试用期不超过一个月；一年以上不满三年的，不超过二个月；三年以上固定期限和无固定期限的，不超过六个月。同一单位和同一职工只能约定一次试用期；以完成一定工作任务为期限或不满三个月的合同，不得约定试用期。',
  },
  {
    category: 'labour_contract',
    question: '试用期工资最低是多少？',
    source: '《劳动合同法》第二十条',
    answer:
      '试用期工资不得低于本单位相同岗位最低档工资，或者劳动合同约定工资的百分之八十，同时不得低于当地最低工资标准。',
  },
  {
    category: 'labour_contract',
    question: '什么情况下可以签无固定期限劳动合同？',
    source: '《劳动合同法》第十四条',
    answer:
      '以下情形，职工提出或同意续订、订立的，除职工自己要求签固定期限合同外，单位应当签无固定期限劳动合同：在本单位连续工作满十年；单位初次实行劳动合同制度或国有企业改制重新订立合同时，在本单位连续工作满十年且距法定退休年龄不足十年；已连续订立两次固定期限劳动合同，且职工没有法定可被解除的情形。',
  },
  {
    category: 'labour_contract',
    question: '被公司辞退能拿到经济补偿吗？',
    source: '《劳动合同法》第四十六条、第四十八条、第八十七条',
    answer:
      '单位依法解除劳动合同的多数情形要支付经济补偿，例如单位提出并协商一致解除、职工不能胜任工作经培训或调岗后仍不能胜任、客观情况发生重大变化、经济性裁员等。单位违法解除的，职工可以要求继续履行合同，或者要求按经济补偿标准的二倍支付赔偿金。因严重违反规章制度等过失被解除的，没有经济补偿。',
  },
  {
    category: 'labour_contract',
    question: '经济补偿怎么计算？',
    source: '《劳动合同法》第四十七条',
    answer:
      '按在本单位工作的年限计算：每满一年支付一个月工资；六个月以上不满一年的按一年算；不满六个月的支付半个月工资。月工资是解除或终止前十二个月的平均工资。月工资高于当地上年度职工月平均工资三倍的，按三倍计算，且年限最多算十二年。',
  },
  {
    category: 'labour_contract',
    question: '职工辞职要提前多久通知单位？',
    source: '《劳动合同法》第三十七条、第三十八条',
    answer:
      '职工提前三十日书面通知单位，就可以解除劳动合同；试用期内提前三日通知即可。单位未及时足额支付劳动报酬、未依法缴纳社会保险费等情形下，职工可以随时解除，并可以要求经济补偿。',
  },
  {
    category: 'labour_contract',
    question: '劳动合同到期单位不续签，有补偿吗？',
    source: '《劳动合同法》第四十六条第（五）项',
    answer:
      '固定期限劳动合同期满终止的，单位应当支付经济补偿；只有单位维持或者提高原合同条件提出续订、职工本人不同意续订的，才没有补偿。',
  },
  {
    category: 'labour_contract',
    question: '竞业限制有哪些规定？',
    source: '《劳动合同法》第二十三条、第二十四条',
    answer:
      '竞业限制只能约定在高级管理人员、高级技术人员和其他负有保密义务的人员身上，期限不超过二年。在竞业限制期内，单位应当按月向职工支付经济补偿；不支付的，职工可以依法主张解除竞业限制约定。',
  },
  // 工资工时
  {
    category: 'wages_hours',
    question: '加班费怎么算？',
    source: '《劳动法》第四十四条',
    answer:
      '工作日延长工作时间的，按不低于工资的 150% 支付加班工资；休息日安排工作又不能安排补休的，按不低于工资的 200% 支付；法定休假日安排工作的，按不低于工资的 300% 支付。',
  },
  {
    category: 'wages_hours',
    question: '每天工作时间和加班时长有上限吗？',
    source: '《劳动法》第四十一条；《国务院关于职工工作时间的规定》',
    answer:
      '标准工时为每日不超过 8 小时、每周不超过 40 小时。因生产经营需要延长工作时间的，一般每日不得超过 1 小时；因特殊原因需要延长的，在保障身体健康的条件下每日不得超过 3 小时，每月合计不得超过 36 小时。',
  },
  {
    category: 'wages_hours',
    question: '工资可以低于最低工资标准吗？',
    source: '《劳动法》第四十八条',
    answer:
      '不可以。职工在法定工作时间内提供了正常劳动的，单位支付的工资不得低于当地最低工资标准。最低工资标准由省级人民政府规定并公布。',
  },
  {
    category: 'wages_hours',
    question: '单位拖欠工资怎么办？',
    source: '《劳动合同法》第三十条、第八十五条',
    answer:
      '可以先和单位协商，或向本单位工会、上级工会反映；也可以向当地劳动保障监察机构投诉，由其责令单位限期支付；还可以申请劳动仲裁，或者依法向人民法院申请支付令。单位逾期仍不支付的，可以被责令按应付金额 50% 以上 100% 以下加付赔偿金。',
  },
  {
    category: 'wages_hours',
    question: '带薪年休假有几天？',
    source: '《职工带薪年休假条例》第三条',
    answer:
      '连续工作一年以上的职工享受带薪年休假：累计工作满 1 年不满 10 年的 5 天，满 10 年不满 20 年的 10 天，满 20 年的 15 天。法定节假日和休息日不计入年休假天数。',
  },
  // 社会保险
  {
    category: 'social_insurance',
    question: '单位必须给职工交社保吗？',
    source: '《社会保险法》第五十八条等',
    answer:
      '必须。职工应当参加基本养老、基本医疗、工伤、失业和生育保险；工伤保险和生育保险费由单位缴纳，养老、医疗、失业保险费由单位和职工共同缴纳。单位应当自用工之日起三十日内为职工办理社会保险登记。',
  },
  {
    category: 'social_insurance',
    question: '失业了能领失业保险金吗？',
    source: '《社会保险法》第四十五条',
    answer:
      '同时符合三个条件可以领取：失业前单位和本人已经缴纳失业保险费满一年；不是因本人意愿中断就业；已经进行失业登记并有求职要求。',
  },
  {
    category: 'social_insurance',
    question: '生育津贴怎么领？',
    source: '《社会保险法》第五十四条、第五十六条',
    answer:
      '参加生育保险的职工可以享受生育医疗费用和生育津贴。生育津贴按职工所在单位上年度职工月平均工资计发，产假期间一般由单位向医保经办机构申领后发放给职工。',
  },
  {
    category: 'social_insurance',
    question: '女职工产假有多少天？',
    source: '《女职工劳动保护特别规定》第七条',
    answer:
      '女职工生育享受 98 天产假，其中产前可以休 15 天；难产的增加 15 天；生育多胞胎的，每多生育一个婴儿增加 15 天。各省还规定了延长的生育假，按当地规定执行。',
  },
  // 工会组织与会员
  {
    category: 'union',
    question: '怎样加入工会？',
    source: '《工会法》第三条',
    answer:
      '以工资收入为主要生活来源的劳动者，不分民族、性别、职业、宗教信仰和教育程度，都有依法参加和组织工会的权利。可以向本单位工会提出入会申请，也可以在“镇工惠”H5 上在线申请加入工会，由基层工会审核。',
  },
  {
    category: 'union',
    question: '快递员、外卖骑手、网约车司机能加入工会吗？',
    source: '《工会法》第三条',
    answer:
      '能。工会法明确工会要适应就业形态的发展变化，维护劳动者参加和组织工会的权利。快递员、外卖骑手、网约车司机、货车司机等新就业形态劳动者，可以向所在企业工会、行业工会或区域性联合工会申请入会，也可以线上申请。',
  },
  {
    category: 'union',
    question: '工会会费怎么交？',
    source: '《中华全国总工会关于中国工会会员会费交纳办法的规定》',
    answer:
      '会员按月交纳会费，标准为本人每月工资收入的千分之五，由所在基层工会收缴。具体计算基数以全国总工会的规定为准。',
  },
  {
    category: 'union',
    question: '工会经费从哪里来？',
    source: '《工会法》第四十三条',
    answer:
      '来源包括：会员交纳的会费；建立工会组织的单位按每月全部职工工资总额的百分之二向工会拨缴的经费；工会所属企业、事业单位上缴的收入；人民政府的补助；其他收入。',
  },
  {
    category: 'union',
    question: '单位解除劳动合同要通知工会吗？',
    source: '《劳动合同法》第四十三条；《工会法》第二十二条',
    answer:
      '要。单位单方解除劳动合同，应当事先将理由通知工会。工会认为单位违反法律、法规或者劳动合同约定的，有权要求单位纠正，单位应当研究工会的意见并书面告知处理结果。',
  },
  {
    category: 'union',
    question: '职工代表大会有哪些职权？',
    source: '《工会法》第六条；《劳动合同法》第四条',
    answer:
      '职工代表大会是职工行使民主管理权利的机构。涉及劳动报酬、工作时间、休息休假、劳动安全卫生、保险福利、职工培训、劳动纪律等职工切身利益的规章制度和重大事项，应当经职工代表大会或者全体职工讨论；职代会还可以评议监督单位管理人员。',
  },
  // 维权与法律援助
  {
    category: 'rights',
    question: '劳动争议仲裁的时效是多久？',
    source: '《劳动争议调解仲裁法》第二十七条',
    answer:
      '申请劳动仲裁的时效是一年，从知道或者应当知道权利被侵害之日起计算。劳动关系存续期间因拖欠劳动报酬发生的争议不受一年限制，但劳动关系终止的，应当自终止之日起一年内提出。',
  },
  {
    category: 'rights',
    question: '申请劳动仲裁要交费吗？',
    source: '《劳动争议调解仲裁法》第五十三条',
    answer: '不用交费。劳动争议仲裁不收费，仲裁委员会的经费由财政保障。',
  },
  {
    category: 'rights',
    question: '工会能提供法律援助吗？',
    source: '《工会法》第二十二条',
    answer:
      '能。职工在劳动报酬、工伤、劳动合同等方面权益受到侵害的，可以向工会申请法律援助。各级工会职工服务中心提供法律咨询、代写文书和调解，符合条件的可以指派律师代理仲裁和诉讼。可以在“镇工惠”申请法律援助服务，或拨打 12351 职工服务热线。',
  },
  // 帮扶与新就业形态
  {
    category: 'assistance',
    question: '困难职工帮扶有哪些内容？',
    source: null,
    answer:
      '工会对困难职工建档立卡，按困难程度分为深度困难、相对困难和意外致困三类，提供生活救助、医疗救助、金秋助学、送温暖等帮扶，并帮助就业创业。可以向所在基层工会申请，工会核实后建立档案。',
  },
  {
    category: 'new_employment',
    question: '外卖骑手送餐途中受伤怎么办？',
    source: '《新就业形态就业人员职业伤害保障办法（试行）》',
    answer:
      '江苏是新就业形态就业人员职业伤害保障的试点省份之一。在试点平台接单工作期间受伤的，平台应及时报告，骑手可以按规定申请职业伤害确认，享受医疗、伤残等保障待遇。不在试点范围内的，可以根据与配送企业的用工关系申请工伤认定或依法维权，工会可以提供帮助。',
  },
  {
    category: 'new_employment',
    kind: 'policy',
    question: '新就业形态劳动者权益保障政策要点',
    source: '人力资源社会保障部等八部门《关于维护新就业形态劳动者劳动保障权益的指导意见》',
    answer:
      '要点：平台企业要依法合理确定劳动报酬，不得低于当地最低工资标准；落实休息制度，合理确定订单数量和工作时长；完善职业伤害保障；不得制定损害劳动者权益的算法规则；工会要加强组织和工作覆盖，吸纳新就业形态劳动者入会。',
  },
];

export const DEMO_QA_CITY: Seed[] = [
  {
    category: 'rights',
    question: '镇江市职工服务中心在哪里，怎么联系？',
    source: '镇江市总工会',
    answer:
      '镇江市职工服务中心位于润州区南徐大道，提供法律援助、困难帮扶、心理咨询、就业服务等，工作日办理窗口业务。也可以通过“镇工惠”线上办理，或拨打 12351 职工服务热线。',
  },
  {
    category: 'other',
    question: '镇江市职工疗休养怎么报名？',
    source: '镇江市总工会',
    answer:
      '市总工会每年组织劳动模范和一线职工疗休养，由基层工会推荐报名，名额按年度计划分配。详情请看“镇工惠”服务目录中的“疗休养”。',
  },
  {
    category: 'assistance',
    question: '2023 年金秋助学申请时间',
    source: '镇江市总工会（已过期）',
    from: '2023-07-01',
    to: '2023-09-30',
    answer:
      '2023 年金秋助学申请时间为 7 月 1 日至 9 月 30 日，由基层工会汇总上报。（本条已过有效期，仅用于演示过期条目不对会员显示。）',
  },
];

/** Inserts the demo knowledge base as published by the system. */
export async function seedDemoQa(tx: Db, deps: Deps, orgIds: { province: number; city: number }): Promise<number> {
  const at = deps.clock.now();
  const rows = [
    ...DEMO_QA_PROVINCE.map((s) => ({ s, orgId: orgIds.province })),
    ...DEMO_QA_CITY.map((s) => ({ s, orgId: orgIds.city })),
  ].map(({ s, orgId }) => ({
    orgId,
    kind: s.kind ?? 'qa',
    category: s.category,
    question: s.question,
    answer: s.answer,
    source: s.source,
    effectiveFrom: s.from ?? null,
    effectiveTo: s.to ?? null,
    status: 'published' as const,
    searchVector: searchVector(s),
    editedByName: '系统',
    publishedByName: '系统',
    publishedAt: at,
    createdAt: at,
    updatedAt: at,
  }));
  await tx.insert(qaEntry).values(rows);
  return rows.length;
}
