// Hardship help on the home: 微心愿 for everyone, the assistance received for members.
import type { HomeContribution } from '../../homeEntries';
import { useMembershipStore } from '../../stores/membership';

export default {
  entries: [
    {
      key: 'wishes',
      section: 'services',
      order: 40,
      icon: 'gift-o',
      title: 'aid.entries.wishes',
      to: { name: 'wishes' },
    },
    {
      key: 'assistance',
      section: 'services',
      order: 45,
      icon: 'gift-card-o',
      title: 'aid.entries.assistance',
      to: { name: 'assistance' },
      visible: () => useMembershipStore().state === 'member',
    },
  ],
} satisfies HomeContribution;
