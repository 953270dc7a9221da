// 普惠: the partner merchant directory (with its map), open to every signed-in worker.
import type { HomeContribution } from '../../homeEntries';

export default {
  entries: [
    {
      key: 'merchants',
      section: 'benefits',
      order: 10,
      icon: 'shop-o',
      title: 'merchant.entries.directory',
      to: { name: 'merchants' },
    },
  ],
} satisfies HomeContribution;
