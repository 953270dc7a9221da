// What a console module contributes to the frame (modules/<module>/routes.ts, gathered by glob
// in router.ts): side-menu entries, each a route of its own, and further routes (detail pages).
import type { Component } from 'vue';
import type { RouteRecordRaw } from 'vue-router';

export interface MenuEntry {
  /** The route name; `data-test="menu-<name>"` in the side menu. */
  name: string;
  path: string;
  titleKey: string;
  /** Shown when the caller holds any of these; none means every signed-in staff member. */
  permissions: readonly string[];
  icon: Component;
  view: () => Promise<unknown>;
}

export interface MenuGroup {
  /** The sub-menu's index; modules naming the same group share one sub-menu. */
  index: string;
  titleKey: string;
  icon: Component;
}

export interface AdminModule {
  /** Place in the side menu (ascending); entries outside a group come first when choosing a home page. */
  order: number;
  /** The sub-menu the entries sit in; the first module (by order) naming it gives its title and icon. */
  group?: MenuGroup;
  menu: MenuEntry[];
  routes?: RouteRecordRaw[];
}

export const defineAdminModule = (m: AdminModule): AdminModule => m;
