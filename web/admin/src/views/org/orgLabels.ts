import type { OrgType } from '../../api/types';

type TagType = 'primary' | 'success' | 'warning' | 'info' | 'danger';

/** The colour of an org type's badge, so types read at a glance in the tree. */
export const ORG_TYPE_TAG: Record<OrgType, TagType> = {
  federation: 'danger',
  grassroots: 'success',
  service_center: 'warning',
  station: 'primary',
};

export type OrgAction = 'create' | 'edit' | 'move' | 'close' | 'reopen' | 'delete';
