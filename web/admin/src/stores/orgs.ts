// The caller's visible part of the union tree, loaded once and shared by the org page and every
// org picker. Without org:org:read the pickers fall back to the orgs of the caller's own grants.
import { defineStore } from 'pinia';
import type { TreeNodeData } from 'element-plus';
import { computed, ref } from 'vue';
import { orgApi } from '../api/orgs';
import type { Org } from '../api/types';
import { useSessionStore } from './session';

export interface OrgNode {
  id: number;
  name: string;
  org: Org | null;
  children: OrgNode[];
}

/** Nests a flat list in tree order; an org whose parent is not in the list is a root. */
export function buildOrgTree(orgs: readonly Org[]): OrgNode[] {
  const nodes = new Map<number, OrgNode>();
  for (const org of orgs) nodes.set(org.id, { id: org.id, name: org.name, org, children: [] });
  const roots: OrgNode[] = [];
  for (const org of orgs) {
    const node = nodes.get(org.id);
    if (!node) continue;
    const parent = org.parentId === null ? undefined : nodes.get(org.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Whether a node el-tree hands back (untyped) matches a search by name or code. */
export function orgNodeMatches(query: unknown, data: TreeNodeData): boolean {
  const q = typeof query === 'string' ? query.trim().toLowerCase() : '';
  if (!q) return true;
  const name: unknown = data.name;
  const code: unknown = data.org?.code;
  return (
    (typeof name === 'string' && name.toLowerCase().includes(q)) ||
    (typeof code === 'string' && code.toLowerCase().includes(q))
  );
}

export const useOrgStore = defineStore('orgs', () => {
  const orgs = ref<Org[]>([]);
  const loaded = ref(false);
  const loading = ref(false);
  let pending: Promise<void> | null = null;

  const byId = computed(() => new Map(orgs.value.map((o) => [o.id, o])));
  const tree = computed<OrgNode[]>(() => {
    if (orgs.value.length > 0 || !loaded.value) return buildOrgTree(orgs.value);
    const me = useSessionStore().me;
    const own = new Map<number, string>();
    if (me?.org) own.set(me.org.id, me.org.name);
    for (const g of me?.grants ?? []) own.set(g.orgId, g.orgName);
    return [...own].map(([id, name]) => ({ id, name, org: null, children: [] }));
  });

  async function fetchAll(): Promise<void> {
    loading.value = true;
    try {
      orgs.value = useSessionStore().can('org:org:read') ? await orgApi.listAll() : [];
      loaded.value = true;
    } finally {
      loading.value = false;
    }
  }

  /** Loads the tree once; `force` reloads it (after a change). */
  function load(force = false): Promise<void> {
    if (loaded.value && !force) return Promise.resolve();
    if (!pending || force) pending = fetchAll().finally(() => (pending = null));
    return pending;
  }

  function nameOf(id: number | null | undefined): string {
    if (id === null || id === undefined) return '';
    return byId.value.get(id)?.name ?? '';
  }

  /** The ids of an org and all below it (to keep a move from choosing its own subtree). */
  function subtreeIds(id: number): Set<number> {
    const org = byId.value.get(id);
    if (!org) return new Set([id]);
    return new Set(orgs.value.filter((o) => o.path.startsWith(org.path)).map((o) => o.id));
  }

  function upsert(org: Org): void {
    const i = orgs.value.findIndex((o) => o.id === org.id);
    if (i >= 0) orgs.value.splice(i, 1, org);
  }

  function reset(): void {
    orgs.value = [];
    loaded.value = false;
  }

  return { orgs, loaded, loading, byId, tree, load, nameOf, subtreeIds, upsert, reset };
});
