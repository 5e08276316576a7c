import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deferred } from '../testing/fake-fetch.js';
import { lazyLiveChannel } from './lazy-live-channel.js';
import type { createLiveChannel, LiveChannel, LiveState } from './live-channel.js';

/** The channel the code creates: connecting once held, as the real one; counts holds. */
function fakeChannel() {
  let holders = 0;
  const listeners = new Set<() => void>();
  const channel: LiveChannel & { holders(): number; set(state: LiveState): void } = {
    state: 'closed',
    hold() {
      holders += 1;
      if (channel.state === 'closed') channel.set('connecting');
      return () => (holders -= 1);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    holders: () => holders,
    set(state) {
      (channel as { state: LiveState }).state = state;
      listeners.forEach((listener) => listener());
    },
  };
  return channel;
}

type Code = { createLiveChannel: typeof createLiveChannel };
type Deps = Parameters<typeof createLiveChannel>[0];

function setup(
  loadCode: () => Promise<Code>,
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>,
) {
  // The fake code below ignores what a real channel needs (HTTP, the store, the event stream).
  const deps = { ...(sleep && { sleep }) } as Deps;
  const live = lazyLiveChannel(deps, loadCode);
  /** The states subscribers were told of, each change once. */
  const notified: LiveState[] = [];
  live.subscribe(() => {
    if (notified.at(-1) !== live.state) notified.push(live.state);
  });
  return { live, notified, deps };
}

const codeOf = (channel: LiveChannel, received: Deps[] = []): Code => ({
  createLiveChannel: (deps) => {
    received.push(deps);
    return channel;
  },
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('live channel loaded on first hold', () => {
  it('loads nothing until held, is connecting until its code is in, then is the channel', async () => {
    const code = deferred<Code>();
    let loads = 0;
    const { live, notified, deps } = setup(() => {
      loads += 1;
      return code.promise;
    });
    await settle();
    assert.equal(loads, 0, 'no code is fetched before something needs the channel');
    assert.equal(live.state, 'closed');
    const releaseA = live.hold();
    const releaseB = live.hold();
    assert.equal(live.state, 'connecting');
    assert.equal(loads, 1, 'one fetch for both holds');
    const channel = fakeChannel();
    const received: Deps[] = [];
    code.resolve(codeOf(channel, received));
    await settle();
    assert.deepEqual(received, [deps], "one channel, made with the client's parts");
    assert.equal(channel.holders(), 2, 'each early hold became a hold of the channel');
    channel.set('open');
    assert.equal(live.state, 'open');
    releaseA();
    releaseA(); // a second call does nothing
    assert.equal(channel.holders(), 1);
    releaseB();
    assert.equal(channel.holders(), 0);
    const releaseC = live.hold();
    assert.equal(channel.holders(), 1, 'a hold after the code arrived goes straight to it');
    releaseC();
    assert.deepEqual(notified, ['connecting', 'open']);
  });

  it('takes no hold of the channel for a hold let go before the code arrived', async () => {
    const code = deferred<Code>();
    const { live, notified } = setup(() => code.promise);
    const release = live.hold();
    release();
    assert.equal(live.state, 'closed');
    const channel = fakeChannel();
    code.resolve(codeOf(channel));
    await settle();
    assert.equal(channel.holders(), 0);
    assert.equal(live.state, 'closed');
    assert.deepEqual(notified, ['connecting', 'closed']);
  });

  it('fetches the code again after a failure while something holds it, and not once let go', async () => {
    const channel = fakeChannel();
    const attempts: ('fail' | 'ok')[] = ['fail', 'ok'];
    let loads = 0;
    const waits: number[] = [];
    const { live } = setup(
      () => {
        loads += 1;
        return attempts.shift() === 'ok'
          ? Promise.resolve(codeOf(channel))
          : Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      },
      (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
    );
    live.hold();
    await settle();
    assert.equal(loads, 2, 'tried again after the wait');
    assert.equal(waits.length, 1);
    assert.ok(waits[0]! >= 1000, 'it waits before trying again');
    assert.equal(channel.holders(), 1, 'the hold reached the channel');

    // Let go during the wait before another try, then before the failure itself is known.
    let failedLoads = 0;
    let failure = deferred<void>();
    let sleeps = 0;
    const never = deferred<void>();
    const offline = setup(
      () => {
        failedLoads += 1;
        return failure.promise.then(() => {
          throw new TypeError('Failed to fetch dynamically imported module');
        });
      },
      (_ms, signal?: AbortSignal) =>
        new Promise<void>((resolve, reject) => {
          sleeps += 1;
          signal?.addEventListener('abort', () => reject(new Error('aborted')));
          if (sleeps === 1) void never.promise.then(resolve); // later waits never end
        }),
    );
    const release = offline.live.hold();
    failure.resolve();
    await settle();
    assert.equal(sleeps, 1, 'waiting to try again');
    release();
    never.resolve();
    await settle();
    assert.equal(failedLoads, 1, 'no retry once nothing holds it');
    failure = deferred<void>();
    offline.live.hold()();
    failure.resolve();
    await settle();
    assert.equal(sleeps, 1, 'no wait for a retry once nothing holds it');
    assert.equal(failedLoads, 2);
    assert.equal(offline.live.state, 'closed');
  });
});
