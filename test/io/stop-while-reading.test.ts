// A Ctrl-C (or SIGTERM) while a command reads the data folder ends the run saying, in the user's
// language, that it was stopped and the data folder was not changed, and dies of the signal as before (exit
// 130); while a write path listens, that path answers instead.
import { spawn } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listenForStop, stopHeard, stopWhileReading, type StopSignal } from '../../src/store/stop-request.js';
import { BIN, testEnv } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

describe('a request to stop while the folder is read', () => {
  afterEach(() => stopHeard());

  it('is said, then the run dies of the signal; a write path listening answers it instead', async () => {
    const said: string[] = [];
    const died: StopSignal[] = [];
    stopWhileReading((s) => said.push(s), (s) => died.push(s));
    stopWhileReading(() => said.push('armed twice'), () => {});
    const write = listenForStop();
    process.emit('SIGINT');
    expect(write.count()).toBe(1);
    expect(said).toEqual([]);
    write.dispose();
    process.emit('SIGTERM');
    expect(said).toEqual(['SIGTERM']);
    expect(died).toEqual(['SIGTERM']);
    // Answered once: the listener is gone after it.
    expect(process.listenerCount('SIGTERM')).toBe(0);
  });

  it('the built program, stopped by Ctrl-C while it reads a folder of 3,000 files: the words, exit by SIGINT', async () => {
    const files = baseFiles();
    for (let i = 0; i < 3000; i++) files[`organisations/o${i}.yaml`] = `id: o${i}\nname: Forening ${i}\nkind: other\nareas: [social]\nscope: regional\nstatus: active\n`;
    const dir = makeFolder(files);
    const child = spawn(process.execPath, [BIN, 'org', 'list', '--data', dir], { env: testEnv({ CIVSAM_LANG: 'da' }), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    // Signalled once it has a record file open: it is reading the folder then.
    const reading = () => {
      try {
        return readdirSync(`/proc/${child.pid}/fd`).some((fd) => { try { return readlinkSync(`/proc/${child.pid}/fd/${fd}`).startsWith(join(dir, 'organisations')); } catch { return false; } });
      } catch { return false; }
    };
    while (child.exitCode === null && !reading()) await new Promise((r) => setTimeout(r, 1));
    child.kill('SIGINT');
    const { signal } = await ended;
    expect(signal).toBe('SIGINT');
    expect(stderr).toBe('fejl: stoppet efter dit ønske; datamappen er ikke ændret.\n');
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 30_000);
});
