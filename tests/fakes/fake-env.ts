// State shared by the whole fake: the scheduler that runs Obsidian's asynchronous work (metadata
// events, external edits, pending debounced calls), and what the harness reads back (notices,
// menus, errors thrown inside event handlers). One test app is "current" at a time.

// Captured at import, before a test can install fake timers: settling must not depend on them.
const realSetTimeout: (cb: () => void, ms: number) => unknown = globalThis.setTimeout.bind(globalThis);

/** Something `flush()` can run at once, such as a pending debounced call. */
export interface Runnable {
  run(): unknown;
}

export class Scheduler {
  private readonly queue: Array<() => void> = [];
  private readonly pending = new Set<Promise<unknown>>();
  private completed = 0;
  private drainScheduled = false;
  /** Debounced calls waiting for their timer; `settle()` runs them at once. */
  readonly waiting = new Set<Runnable>();

  /** Runs `task` shortly after, on its own macrotask (as Obsidian's indexer and watcher do). */
  defer(task: () => void): void {
    this.queue.push(task);
    if (this.drainScheduled) return;
    this.drainScheduled = true;
    realSetTimeout(() => {
      this.drainScheduled = false;
      this.drain();
    }, 0);
  }

  /** Lets `settle()` wait for a promise the fake started (an async handler, a view's onOpen). */
  track(promise: Promise<unknown>): void {
    this.pending.add(promise);
    const done = (): void => {
      this.pending.delete(promise);
      this.completed++;
    };
    promise.then(done, done);
  }

  get idle(): boolean {
    return this.queue.length === 0 && this.pending.size === 0 && this.waiting.size === 0;
  }

  private drain(): boolean {
    let ran = false;
    for (let task = this.queue.shift(); task; task = this.queue.shift()) {
      ran = true;
      try {
        task();
      } catch (error) {
        reportHandlerError(error);
      }
    }
    return ran;
  }

  /**
   * Waits until no deferred task or debounced call is left and the tracked promises are done —
   * or, for promises, make no progress for a few rounds: those wait for the user (an open modal).
   */
  async settle(maxRounds = 1000): Promise<void> {
    let stalled = 0;
    for (let round = 0; round < maxRounds; round++) {
      await new Promise<void>((resolve) => realSetTimeout(resolve, 0));
      let busy = this.drain();
      for (const call of [...this.waiting]) {
        busy = true;
        this.waiting.delete(call);
        call.run();
      }
      if (this.pending.size > 0) {
        const before = this.completed;
        await Promise.race([Promise.allSettled([...this.pending]), new Promise<void>((resolve) => realSetTimeout(() => resolve(), 10))]);
        if (this.completed !== before) busy = true;
      }
      if (busy || this.queue.length > 0) {
        stalled = 0;
        continue;
      }
      if (this.pending.size === 0 || ++stalled >= 5) return;
    }
    throw new Error("The fake app did not settle: work keeps being scheduled.");
  }
}

export interface NoticeRecord {
  message: string;
  duration: number | undefined;
  hidden: boolean;
}

export interface MenuRecord {
  items: Array<{ title: string; disabled: boolean; checked: boolean | null; click(): void }>;
  hidden: boolean;
}

/** What the fake records for the current test app. */
export interface Recorder {
  notices: NoticeRecord[];
  menus: MenuRecord[];
  handlerErrors: unknown[];
}

function newRecorder(): Recorder {
  return { notices: [], menus: [], handlerErrors: [] };
}

export const env: { scheduler: Scheduler; recorder: Recorder } = {
  scheduler: new Scheduler(),
  recorder: newRecorder(),
};

/** Starts a fresh scheduler and recorder; called for every new test app. */
export function resetEnv(): Recorder {
  env.scheduler = new Scheduler();
  env.recorder = newRecorder();
  return env.recorder;
}

/** Obsidian logs errors thrown by event handlers and carries on; the fake also keeps them. */
export function reportHandlerError(error: unknown): void {
  env.recorder.handlerErrors.push(error);
  console.error(error);
}

/** Tracks a handler's result if it is a promise, recording a rejection as a handler error. */
export function trackResult(result: unknown): void {
  if (result instanceof Promise) env.scheduler.track(result.catch(reportHandlerError));
}
