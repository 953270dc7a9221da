import { eq } from 'drizzle-orm';
import type { Actor } from '../kernel/access.js';
import type { Deps } from '../kernel/context.js';
import type { Db } from '../kernel/db.js';
import { submitVoice } from '../modules/voice/index.js';
// The voice module's own demo data (its seed step calls this file): written through its schema file.
import { alertTopic, voiceItem } from '../modules/voice/voice.schema.js';

// Demo worker voice: sensitive-word topics at the province, and a few items from the demo member
// (one of them trips the 欠薪 topic, so the alert board and the staff notices have something).

const TOPICS: Array<[string, string[]]> = [
  ['欠薪', ['欠薪', '拖欠工资', '讨薪', '工资拖欠', '不发工资']],
  ['工伤', ['工伤', '受伤', '职业病']],
  ['群体性事件', ['群体', '罢工', '集体上访', '停工', '聚集']],
  ['劳动合同', ['辞退', '解除劳动合同', '不签合同']],
];

const ITEMS = [
  {
    kind: 'suggestion' as const,
    title: '建议食堂增加夜班餐',
    content: '夜班同事下班晚，食堂已经关门，建议增加夜班餐或放置微波炉。',
    publishConsent: true,
    reply: '已与公司后勤协商，下月起食堂提供夜班餐（22:00-23:00）。',
  },
  {
    kind: 'complaint' as const,
    title: '公司拖欠工资两个月',
    content: '我们车间十几个人的工资已经拖欠两个月了，找主管一直说再等等。',
  },
  {
    kind: 'request' as const,
    title: '想报名参加职工疗休养',
    content: '工作满十年了，想了解今年疗休养怎么报名。',
    showName: true,
  },
  {
    kind: 'suggestion' as const,
    title: '希望开设职工子女暑期托管班',
    content: '双职工家庭暑假孩子没人看，希望工会能办暑期托管班。',
    publishConsent: true,
  },
];

export async function seedDemoVoice(
  tx: Db,
  deps: Deps,
  ids: Map<string, number>,
  memberAccountId: number,
): Promise<void> {
  const at = deps.clock.now();
  await tx.insert(alertTopic).values(
    TOPICS.map(([name, keywords]) => ({
      orgId: ids.get('province') ?? 0,
      name,
      keywords,
      createdAt: at,
      updatedAt: at,
    })),
  );
  const env = {
    crypto: deps.crypto,
    source: { actorId: memberAccountId, actorName: null, ip: null, requestId: null, at },
  };
  const actor: Actor = {
    accountId: memberAccountId,
    kind: 'member',
    username: null,
    displayName: '周师傅',
    orgId: null,
    sessionState: 'active',
    grants: [],
  };
  for (const { reply, ...item } of ITEMS) {
    const id = await submitVoice(tx, env, actor, {
      showName: false,
      publishConsent: false,
      ...item,
      orgId: ids.get('techco') ?? 0,
    });
    if (reply) {
      await tx
        .update(voiceItem)
        .set({
          reply,
          status: 'replied',
          repliedAt: at,
          replierName: '瑞丰科技工会 张主席',
          published: true,
          publishedAt: at,
        })
        .where(eq(voiceItem.id, id));
    }
  }
}
