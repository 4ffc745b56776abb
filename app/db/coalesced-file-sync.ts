// fdatasync on libuv's thread pool, shared by everyone waiting: a caller is answered by the first sync that
// started after it called, so a burst of commits costs one or two syncs, and the event loop never waits on
// the disk.
import { open, type FileHandle } from "node:fs/promises";

export type FileSync = () => Promise<void>;

export function createCoalescedFileSync(path: string, datasync: (file: FileHandle) => Promise<void> = (file) => file.datasync()): FileSync & { close(): Promise<void> } {
  let file: FileHandle | undefined;
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;

  async function syncOnce() {
    file ??= await open(path, "r");
    await datasync(file);
  }

  function sync(): Promise<void> {
    if (!running) {
      running = syncOnce().finally(() => (running = undefined));
      return running;
    }
    // The sync in progress may have started before the caller's write: wait for the one after it.
    next ??= running.catch(() => undefined).then(() => {
      next = undefined;
      return sync();
    });
    return next;
  }

  return Object.assign(sync, {
    async close() {
      await Promise.allSettled([running, next]);
      await file?.close();
      file = undefined;
    },
  });
}
