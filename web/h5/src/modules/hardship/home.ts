// The member's own hardship file (困难职工档案) on the home.
import type { HomeContribution } from '../../homeEntries';
import { useMembershipStore } from '../../stores/membership';

export default {
  entries: [
    {
      key: 'hardship',
      section: 'services',
      order: 30,
      icon: 'like-o',
      title: 'hardship.entry',
      to: { name: 'hardship' },
      visible: () => useMembershipStore().state === 'member',
    },
  ],
} satisfies HomeContribution;
