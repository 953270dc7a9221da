// Membership on the home: joining for non-members; card, record, corrections and transfer for members.
// Until the server has answered none of these shows, so the home never offers what the member cannot use.
import type { HomeContribution } from '../../homeEntries';
import { useMembershipStore } from '../../stores/membership';

const notMember = () => useMembershipStore().state === 'none';
const hasRecord = () => useMembershipStore().state === 'member';
const activeMember = () => useMembershipStore().isActiveMember;

export default {
  entries: [
    {
      key: 'join',
      section: 'services',
      order: 1,
      icon: 'add-o',
      title: 'entries.join',
      to: { name: 'join' },
      visible: notMember,
    },
    {
      key: 'card',
      section: 'services',
      order: 60,
      icon: 'vip-card-o',
      title: 'entries.card',
      to: { name: 'card' },
      visible: activeMember,
    },
    {
      key: 'member-info',
      section: 'services',
      order: 70,
      icon: 'idcard',
      title: 'entries.memberInfo',
      to: { name: 'member-info' },
      visible: hasRecord,
    },
    {
      key: 'correction',
      section: 'services',
      order: 75,
      icon: 'edit',
      title: 'entries.correction',
      to: { name: 'member-correction' },
      visible: hasRecord,
    },
    {
      key: 'transfer',
      section: 'services',
      order: 80,
      icon: 'cluster-o',
      title: 'entries.transfer',
      to: { name: 'transfer' },
      visible: activeMember,
    },
  ],
} satisfies HomeContribution;
