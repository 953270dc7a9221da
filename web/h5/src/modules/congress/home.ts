// 我的职代会 on the home, for a member who holds a seat in a workers' congress (asked once in the
// background; nobody else sees the entry), and 厂务公开 for a member whose union or an ancestor has a
// congress body.
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
    // 厂务公开: for every member whose enterprise (or a higher union) has a congress, seat or not
    {
      key: 'congress-publication',
      section: 'services',
      order: 36,
      icon: 'bullhorn-o',
      title: 'congress.publication.entry',
      to: { name: 'congress-publications' },
      visible: () => useCongressStore().readsPublication(),
    },
  ],
} satisfies HomeContribution;
