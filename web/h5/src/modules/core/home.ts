// The home's sections. 普惠 and 活动 stay empty until the benefits (merchant, voucher, station) and
// activity modules add their entries in their own home.ts.
import type { HomeContribution } from '../../homeEntries';

export default {
  sections: [
    { key: 'services', order: 10, title: 'home.sections.services', empty: 'home.sections.servicesEmpty' },
    {
      key: 'benefits',
      order: 20,
      title: 'home.sections.benefits',
      empty: 'home.sections.benefitsEmpty',
      emptyIcon: 'gift-card-o',
    },
    {
      key: 'activities',
      order: 30,
      title: 'home.sections.activities',
      empty: 'home.sections.activitiesEmpty',
      emptyIcon: 'flag-o',
    },
  ],
} satisfies HomeContribution;
