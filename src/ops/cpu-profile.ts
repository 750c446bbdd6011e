import { Logger } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/**
 * CPU profiles on demand, for `npm run bench:cpu`: with STANCE_CPU_PROFILE_DIR
 * set, SIGUSR2 starts sampling this process's main thread (every millisecond) and
 * the next SIGUSR2 writes the profile there as `profile-N.cpuprofile` (open it
 * in Chrome DevTools or speedscope). The bench thus profiles exactly its load
 * window, not start-up or warm-up. Without the variable nothing is set up.
 */
export function cpuProfilesOnSignal(dir: string | undefined): void {
  if (!dir) return;
  const logger = new Logger('CpuProfile');
  // Connected only while sampling: an attached inspector slows the whole process down.
  let session: Session | null = null;
  let running = false;
  let written = 0;
  let busy: Promise<void> = Promise.resolve();
  const toggle = async (): Promise<void> => {
    if (!running || !session) {
      session = new Session();
      session.connect();
      await session.post('Profiler.enable');
      await session.post('Profiler.setSamplingInterval', { interval: 1000 });
      await session.post('Profiler.start');
      running = true;
      return;
    }
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    session = null;
    running = false;
    mkdirSync(dir, { recursive: true });
    written += 1;
    const file = join(dir, `profile-${written}.cpuprofile`);
    writeFileSync(file, JSON.stringify(profile));
    logger.log(`CPU profile written to ${file}`);
  };
  process.on('SIGUSR2', () => {
    busy = busy.then(toggle).catch((error: unknown) => logger.warn(`CPU profile failed: ${String(error)}`));
  });
  logger.log(`SIGUSR2 starts and stops a CPU profile (written to ${dir})`);
}
