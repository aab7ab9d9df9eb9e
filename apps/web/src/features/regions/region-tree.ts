import type { Region } from '@tuijin/contracts';

export interface RegionNode extends Region {
  children?: RegionNode[];
}

export interface RegionOption {
  value: string;
  title: string;
  children?: RegionOption[];
}

/**
 * Nests the flat region list by `parentCode`, ordered by code. A region whose parent is not in the
 * list (the top of the person's jurisdiction) becomes a root. Leaves carry no `children` so tables
 * and tree selects show no expander for them.
 */
export function buildRegionTree(regions: readonly Region[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>();
  for (const region of [...regions].sort((a, b) => a.code.localeCompare(b.code))) {
    nodes.set(region.code, { ...region });
  }
  const roots: RegionNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentCode ? nodes.get(node.parentCode) : undefined;
    if (parent) parent.children = [...(parent.children ?? []), node];
    else roots.push(node);
  }
  return roots;
}

/** The same tree shaped for antd TreeSelect (`value` is the region code). */
export function toRegionOptions(nodes: readonly RegionNode[]): RegionOption[] {
  return nodes.map((node) => ({
    value: node.code,
    title: node.name,
    ...(node.children ? { children: toRegionOptions(node.children) } : {}),
  }));
}
