// 工作台: the landing page, the bell's pending work and its announcements.
import type { Messages } from '../../../../lib/i18n';

export default {
  workbench: {
    menu: ['工作台', 'Workbench'],
    hello: ['您好，{name}', 'Hello, {name}'],
    todayIs: ['今天是 {date}', 'Today is {date}'],
    todo: ['我的待办', 'Waiting for me'],
    todoHint: ['点击卡片进入对应列表办理', 'Open a card to work through its list'],
    noTodo: ['暂无待办事项', 'Nothing is waiting for you'],
    allDone: ['已全部处理', 'All done'],
    items: ['{n} 件', '{n}'],
    today: ['今日数据', 'Today'],
    todayScope: ['本级及下级', 'Your scope'],
    shortcuts: ['快捷入口', 'Shortcuts'],
    refreshed: ['更新于 {time}', 'Updated {time}'],
    bell: ['待办与通知', 'Work and notices'],
    bellTodo: ['待办', 'Pending work'],
    bellNotices: ['通知', 'Notices'],
    bellUnread: ['{n} 条未读', '{n} unread'],
    openWorkbench: ['打开工作台', 'Open the workbench'],
    newWork: ['新的待办', 'New work'],
    rose: ['{label} 新增 {n} 件', '{label}: {n} new'],
  },
} satisfies Messages;
