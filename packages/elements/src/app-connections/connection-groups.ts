import type { Connection } from '@plugboard/contract';

export interface ConnectionGroup {
  appKey: string;
  connections: Connection[];
}

/**
 * Connections grouped by app, in the store's order (newest first). The connection just added is
 * moved to the top, with its app's group first, so the user sees it where their eyes already are.
 */
export function groupConnections(
  items: readonly Connection[],
  pinnedId: string | undefined,
): ConnectionGroup[] {
  const pinned = pinnedId ? items.find((item) => item.id === pinnedId) : undefined;
  const ordered = pinned ? [pinned, ...items.filter((item) => item !== pinned)] : items;
  const groups = new Map<string, ConnectionGroup>();
  for (const connection of ordered) {
    let group = groups.get(connection.app);
    if (!group) {
      group = { appKey: connection.app, connections: [] };
      groups.set(connection.app, group);
    }
    group.connections.push(connection);
  }
  return [...groups.values()];
}
