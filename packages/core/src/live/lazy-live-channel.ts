// The live channel's code (stream reading, reconnection, polling, merging events into the store)
// is not needed to show the first view, so a client loads it on the first hold, as a chunk of
// the script-tag bundle, and the page's first download is that much smaller. Nothing is missed
// meanwhile: a channel that opens without a position to resume from reads the list again and
// tells what changed.
import { sleep as abortableSleep } from '../abort.js';
import { createListeners } from '../listeners.js';
import type { createLiveChannel, LiveChannel, LiveState } from './live-channel.js';

type LiveChannelDeps = Parameters<typeof createLiveChannel>[0];
type LiveChannelCode = () => Promise<{ createLiveChannel: typeof createLiveChannel }>;

/** A chunk that could not be fetched (offline) is tried again after this long, while held. */
const RELOAD_DELAY_MS = 5_000;

export function lazyLiveChannel(
  deps: LiveChannelDeps,
  loadCode: LiveChannelCode = () => import('./live-channel.js'),
): LiveChannel {
  const sleep = deps.sleep ?? abortableSleep;
  const listeners = createListeners();
  let channel: LiveChannel | undefined;
  let loading: Promise<void> | undefined;
  /** Ends the wait before another try when nothing holds the channel any more. */
  let retry: AbortController | undefined;
  /** Holds taken before the code arrived; each takes its hold of the channel once it has. */
  const waiting = new Set<{ release?: () => void }>();

  function load(): void {
    if (loading) return;
    retry?.abort(); // a hold that came during the wait tries at once
    loading = loadCode().then(
      (code) => {
        channel = code.createLiveChannel(deps);
        channel.subscribe(listeners.notify);
        for (const holder of waiting) holder.release = channel.hold();
        waiting.clear();
        listeners.notify();
      },
      () => {
        loading = undefined;
        if (waiting.size === 0) return;
        retry = new AbortController();
        sleep(RELOAD_DELAY_MS, retry.signal).then(load, () => undefined);
      },
    );
  }

  return {
    get state(): LiveState {
      if (channel) return channel.state;
      return waiting.size > 0 ? 'connecting' : 'closed';
    },
    hold() {
      if (channel) return channel.hold();
      const holder: { release?: () => void } = {};
      waiting.add(holder);
      if (waiting.size === 1) listeners.notify();
      load();
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (holder.release) return holder.release();
        waiting.delete(holder);
        if (waiting.size > 0) return;
        retry?.abort();
        listeners.notify();
      };
    },
    subscribe: listeners.subscribe,
  };
}
