import { Aim, Help, SetUp } from '@element-plus/icons-vue';
import { defineAdminModule } from '../types';

/** 精准识别: candidates and rules, in the 困难帮扶 group. */
export default defineAdminModule({
  order: 41,
  group: { index: 'hardship-group', titleKey: 'hardship.menu.group', icon: Help },
  menu: [
    {
      name: 'identify-candidates',
      path: 'hardship/identify',
      titleKey: 'identify.menu.candidates',
      permissions: ['assistance:identify:read'],
      icon: Aim,
      view: () => import('../../views/identify/CandidateListView.vue'),
    },
    {
      name: 'identify-rules',
      path: 'hardship/identify-rules',
      titleKey: 'identify.menu.rules',
      permissions: ['assistance:identify:read'],
      icon: SetUp,
      view: () => import('../../views/identify/RulesView.vue'),
    },
  ],
});
