// Organisations: the tree, its forms and invites.
import type { Messages } from '../../../../lib/i18n';

export default {
  org: {
    type: {
      federation: ['总工会', 'Federation'], grassroots: ['基层工会', 'Grassroots union'], service_center: ['服务中心', 'Service center'],
      station: ['服务站', 'Service station'],
    },
    level: {
      national: ['全国', 'National'], province: ['省', 'Province'], city: ['市', 'City'], county: ['县区', 'County/district'],
      town: ['乡镇街道', 'Town/street'],
    },
    status: {
      active: ['正常', 'Active'], closed: ['已关闭', 'Closed'],
    },
    field: {
      parent: ['上级组织', 'Parent org'], code: ['组织代码', 'Code'], name: ['组织名称', 'Name'], type: ['组织类型', 'Type'], level: ['层级', 'Level'],
      status: ['状态', 'Status'], contactPerson: ['联系人', 'Contact person'], contactPhone: ['联系电话', 'Contact phone'], address: ['地址', 'Address'],
      createdAt: ['创建时间', 'Created'], updatedAt: ['更新时间', 'Updated'], closedAt: ['关闭时间', 'Closed at'], childCount: ['直属下级', 'Direct children'],
      depth: ['层次', 'Depth'], id: ['编号', 'ID'],
    },
    searchPlaceholder: ['搜索组织名称或代码', 'Search name or code'], filterType: ['组织类型', 'Type'], filterStatus: ['状态', 'Status'],
    count: ['共 {n} 个组织', '{n} orgs'],
    invite: {
      button: ['入会二维码', 'Join QR code'], title: ['“{name}”入会二维码', 'Join QR code of {name}'],
      hint: ['职工用微信扫码或打开链接，即可在线提交入会申请，由本工会审批。', 'Workers scan it or open the link to apply online; this union approves.'],
      copy: ['复制链接', 'Copy link'], copied: ['链接已复制', 'Link copied'],
    },
    selectHint: ['请在左侧选择一个组织查看详情', 'Select an org on the left to see its details'], createChild: ['新建下级', 'New child'], edit: ['编辑', 'Edit'],
    move: ['移动', 'Move'], close: ['关闭', 'Close'], reopen: ['重新启用', 'Reopen'], delete: ['删除', 'Delete'], createTitle: ['新建下级组织', 'New child org'],
    editTitle: ['编辑组织', 'Edit org'], moveTitle: ['移动组织', 'Move org'], moveHint: ['为“{name}”选择新的上级组织：', 'Choose the new parent of “{name}”:'],
    newParent: ['新上级组织', 'New parent'], root: ['（根组织）', '(root)'],
    confirmClose: ['确定关闭“{name}”吗？关闭后不能在其下新建组织，可随时重新启用。', 'Close “{name}”? No new orgs can be created under it; it can be reopened at any time.'],
    confirmReopen: ['确定重新启用“{name}”吗？', 'Reopen “{name}”?'], confirmDelete: ['确定删除“{name}”吗？此操作不可恢复。', 'Delete “{name}”? This cannot be undone.'],
    created: ['组织已创建', 'Org created'], updated: ['组织已更新', 'Org updated'], moved: ['组织已移动', 'Org moved'], closed: ['组织已关闭', 'Org closed'],
    reopened: ['组织已重新启用', 'Org reopened'], deleted: ['组织已删除', 'Org deleted'], levelPlaceholder: ['仅总工会需要', 'Federations only'],
    selectPlaceholder: ['请选择组织', 'Choose an org'], expandAll: ['展开全部', 'Expand all'], collapseAll: ['收起全部', 'Collapse all'],
    noPermission: ['您没有查看组织机构的权限', 'You may not view organizations'],
  },
} satisfies Messages;
