// 我的职代会 on the home, for a member who holds a seat in a workers' congress (asked once in the
// background; nobody else sees the entry).
import type { HomeContribution } from '../../homeEntries';
import { useCongressStore } from '../../stores/congress';

export default {
  entries: [
    {
      key: 'congress',
      section: 'services',
      order: 35,
      icon: 'friends-o',
      title: 'congress.entry',
      to: { name: 'congress' },
      visible: () => useCongressStore().holdsSeat(),
    },
  ],
} satisfies HomeContribution;
