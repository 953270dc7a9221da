// The service center on the home: applying, own cases, policy Q&A, writing to the union, messages.
import type { HomeContribution } from '../../homeEntries';
import { useInboxStore } from '../../stores/inbox';

export default {
  entries: [
    {
      key: 'services',
      section: 'services',
      order: 10,
      icon: 'apps-o',
      title: 'service.entries.services',
      to: { name: 'services' },
    },
    {
      key: 'cases',
      section: 'services',
      order: 20,
      icon: 'orders-o',
      title: 'service.entries.cases',
      to: { name: 'cases' },
    },
    {
      key: 'policy',
      section: 'services',
      order: 50,
      icon: 'question-o',
      title: 'service.entries.policy',
      to: { name: 'policy' },
    },
    {
      key: 'voice',
      section: 'services',
      order: 55,
      icon: 'comment-o',
      title: 'service.entries.voice',
      to: { name: 'voice' },
    },
    {
      key: 'inbox',
      section: 'services',
      order: 90,
      icon: 'bell',
      title: 'service.entries.inbox',
      to: { name: 'inbox' },
      badge: () => useInboxStore().unread,
    },
  ],
} satisfies HomeContribution;
