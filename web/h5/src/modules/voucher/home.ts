// 普惠: the voucher campaigns a worker may claim or register for, and their own vouchers.
import type { HomeContribution } from '../../homeEntries';

export default {
  entries: [
    {
      key: 'campaigns',
      section: 'benefits',
      order: 20,
      icon: 'coupon-o',
      title: 'voucher.entries.campaigns',
      to: { name: 'campaigns' },
    },
    {
      key: 'vouchers',
      section: 'benefits',
      order: 30,
      icon: 'balance-list-o',
      title: 'voucher.entries.mine',
      to: { name: 'vouchers' },
    },
  ],
} satisfies HomeContribution;
