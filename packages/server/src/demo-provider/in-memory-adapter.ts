// Storage for oidc-provider's models, private to one provider instance so that several demo
// providers in one process (tests) never share sessions or tokens. Expiry is checked on read,
// so there are no timers to keep the process alive. It also answers which grants an account
// holds, for the account's "Connected apps" page (oidc-provider has no such query).
import type { Adapter, AdapterFactory, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/** Models whose records belong to a grant and disappear when the grant is revoked. */
const GRANT_MEMBERS = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

export interface StoredGrant {
  grantId: string;
  clientId: string;
}

export interface InMemoryStore {
  adapter: AdapterFactory;
  /** The grants (one per app the account allowed) still stored for this account. */
  grantsOf(accountId: string): StoredGrant[];
}

export function createInMemoryStore(): InMemoryStore {
  const entries = new Map<string, Entry>();
  const sessionKeyByUid = new Map<string, string>();
  const keyByUserCode = new Map<string, string>();
  const keysByGrant = new Map<string, Set<string>>();

  const read = (key: string | undefined): AdapterPayload | undefined => {
    if (key === undefined) return undefined;
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry.payload;
  };

  const grantsOf = (accountId: string): StoredGrant[] =>
    [...entries.keys()]
      .filter((key) => key.startsWith('Grant:'))
      .flatMap((key) => {
        const payload = read(key);
        return payload?.accountId === accountId && typeof payload.clientId === 'string'
          ? [{ grantId: key.slice('Grant:'.length), clientId: payload.clientId }]
          : [];
      });

  const adapter = (model: string): Adapter => {
    const keyFor = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        const key = keyFor(id);
        const expiresAt = expiresIn === undefined ? Infinity : Date.now() + expiresIn * 1000;
        entries.set(key, { payload, expiresAt });
        if (model === 'Session' && payload.uid) sessionKeyByUid.set(payload.uid, key);
        if (payload.userCode) keyByUserCode.set(payload.userCode, key);
        if (GRANT_MEMBERS.has(model) && payload.grantId) {
          const members = keysByGrant.get(payload.grantId) ?? new Set<string>();
          members.add(key);
          keysByGrant.set(payload.grantId, members);
        }
      },
      async find(id) {
        return read(keyFor(id));
      },
      async findByUid(uid) {
        return read(sessionKeyByUid.get(uid));
      },
      async findByUserCode(userCode) {
        return read(keyByUserCode.get(userCode));
      },
      async consume(id) {
        const payload = read(keyFor(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      async destroy(id) {
        const key = keyFor(id);
        const payload = entries.get(key)?.payload;
        entries.delete(key);
        if (payload?.uid && sessionKeyByUid.get(payload.uid) === key) {
          sessionKeyByUid.delete(payload.uid);
        }
        if (payload?.userCode && keyByUserCode.get(payload.userCode) === key) {
          keyByUserCode.delete(payload.userCode);
        }
      },
      async revokeByGrantId(grantId) {
        for (const key of keysByGrant.get(grantId) ?? []) entries.delete(key);
        keysByGrant.delete(grantId);
      },
    };
  };
  return { adapter, grantsOf };
}
