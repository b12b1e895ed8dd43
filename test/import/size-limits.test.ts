// Input is read only up to a limit. An .xlsx of 3 MiB that unpacked to 3 GiB took 6 GiB of memory;
// `--from-file /dev/zero` grew without end; 800 MB on standard input was read whole before its size
// was checked. Now the zip's sizes are checked before anything is unpacked (and capped while
// unpacking, since headers can lie), devices are refused, and streams stop at the limit.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { readXlsx, refuseOversizedZip } from '../../src/spreadsheets/import/xlsx.js';
import { readNamedInput, readStreamUpTo } from '../../src/store/read-file.js';
import { translate } from '../../src/i18n/index.js';
import { UserError } from '../../src/domain/errors.js';
import { Readable } from 'node:stream';
import { BIN } from '../helpers/cli.js';
import { baseFiles, makeFolder } from '../helpers/folder.js';

interface Part {
  name: string;
  data: Buffer;
  /** Sizes the headers claim (default: the truth). */
  centralSize?: number;
  localSize?: number;
}

/** A minimal zip: each part deflated, local headers, central directory, end record. */
function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const packed = deflateRawSync(p.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(p.localSize ?? p.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(p.centralSize ?? p.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const MiB = 1024 * 1024;
const small = { part: 1 * MiB, total: 2 * MiB };

function refusal(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof UserError) return translate('en', e.userMessage.key, e.userMessage.params);
    throw e;
  }
  return 'accepted';
}

describe('the sizes an .xlsx unpacks to', () => {
  it('a part claiming more than the limit is refused before anything is unpacked', () => {
    // Claims 3 GiB; holds a few bytes. Refused on the claim alone.
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), centralSize: 3 * 1024 * MiB }]);
    const started = Date.now();
    expect(refusal(() => readXlsx(bomb))).toBe('the .xlsx file unpacks to more than 128 MiB (in one part), more than civsam reads from one workbook. Keep only the sheet you import, or split it into smaller workbooks.');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a local header that claims more than the central directory counts too (SheetJS sizes its buffer by it)', () => {
    const bomb = zip([{ name: 'a.xml', data: Buffer.from('<x/>'), localSize: 2 * MiB }]);
    expect(refusal(() => refuseOversizedZip(bomb, small))).toMatch(/more than 1 MiB \(in one part\)/);
  });

  it('headers that lie small are caught while unpacking, which stops at the limit', () => {
    const liar = zip([{ name: 'a.xml', data: Buffer.alloc(3 * MiB, 0x41), centralSize: 100, localSize: 100 }]);
    expect(liar.length).toBeLessThan(20_000);
    expect(refusal(() => refuseOversizedZip(liar, small))).toMatch(/more than 1 MiB \(in one part\)/);
  });

  it('parts that are each within the limit but together too much are refused', () => {
    const many = zip([0, 1, 2].map((i) => ({ name: `p${i}.xml`, data: Buffer.alloc(900 * 1024, 0x41) })));
    expect(refusal(() => refuseOversizedZip(many, small))).toBe('the .xlsx file unpacks to more than 2 MiB, more than civsam reads from one workbook. Keep only the sheet you import, or split it into smaller workbooks.');
  });

  it('near miss: parts just within the limits pass, and a real workbook is read as before', () => {
    const fits = zip([0, 1].map((i) => ({ name: `p${i}.xml`, data: Buffer.alloc(MiB - 1, 0x41) })));
    expect(refusal(() => refuseOversizedZip(fits, small))).toBe('accepted');
    const ws = XLSX.utils.aoa_to_sheet([['id', 'name'], ['alpha', 'Alpha Forening']]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'Ark1');
    const sheet = readXlsx(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
    expect(sheet.rows).toEqual([{ row: 2, cells: ['alpha', 'Alpha Forening'] }]);
  });

  it('a zip whose directory points past its end is unreadable, not a crash', () => {
    const broken = zip([{ name: 'a.xml', data: Buffer.from('<x/>') }]);
    broken.writeUInt32LE(0x7fffffff, broken.length - 6);
    expect(refusal(() => refuseOversizedZip(broken))).toMatch(/^the \.xlsx file cannot be read/);
  });
});

describe('streams stop at the limit', () => {
  it('reads no more than the limit and one byte, however long the stream', async () => {
    let produced = 0;
    const endless = new Readable({ read() { produced += 64 * 1024; this.push(Buffer.alloc(64 * 1024)); } });
    const got = await readStreamUpTo(endless, MiB);
    expect(got.length).toBe(MiB + 1);
    expect(produced).toBeLessThan(4 * MiB);
  });
});

describe('a file named on the command line', () => {
  const opts = (limit: number) => ({ shown: 'x', limit, tooLarge: () => new UserError('input.tooLarge', { file: 'x', limit: '1 KiB' }) });

  it('an ordinary file larger than the limit is refused by its size, before it is read', async () => {
    const file = join(makeFolder({ 'big.yaml': 'a'.repeat(5000) }), 'big.yaml');
    await expect(readNamedInput(file, opts(1024))).rejects.toMatchObject({ userMessage: { key: 'input.tooLarge' } });
    expect((await readNamedInput(file, opts(5000))).length).toBe(5000); // near miss: exactly the limit
  });

  it('a named pipe (as `<(…)` gives) is read as a stream, up to the limit', async () => {
    const pipe = join(makeFolder({}), 'pipe');
    expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
    const writer = spawn('sh', ['-c', 'printf "id: beta\\n" > "$1"', 'sh', pipe]);
    const closed = new Promise((done) => writer.on('close', done));
    const bytes = await readNamedInput(pipe, opts(1024));
    await closed;
    expect(bytes.toString()).toBe('id: beta\n');
  }, 10_000);
});

describe('the built binary', () => {
  const env = { ...process.env, NO_COLOR: '1', CIVSAM_NO_CACHE: '1', LANG: 'C.UTF-8', CIVSAM_LANG: 'en' };
  const run = (args: string[], input?: Buffer) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 10_000, env, input, maxBuffer: 1 << 20 });

  it('org add --from-file /dev/zero is refused at once as a device', () => {
    const dir = makeFolder(baseFiles());
    const r = run(['org', 'add', '--from-file', '/dev/zero', '--dry-run', '--data', dir]);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('error: /dev/zero is a device, not an ordinary file. Give a file, or - for standard input.\n');
  });

  it('more than 1 MiB on standard input is refused after reading just past the limit', () => {
    const dir = makeFolder(baseFiles());
    const r = run(['org', 'add', '--from-file', '-', '--dry-run', '--data', dir], Buffer.alloc(8 * MiB, 0x20));
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('error: standard input is larger than 1 MiB, which is more than civsam reads from one file. Check that it is the right file.\n');
  });

  it('import refuses an .xlsx bomb quickly, saying what the limit is', () => {
    const dir = makeFolder(baseFiles());
    const file = join(makeFolder({}), 'bomb.xlsx');
    writeFileSync(file, zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), centralSize: 3 * 1024 * MiB, localSize: 3 * 1024 * MiB }]));
    const r = run(['import', 'organisations', file, '--dry-run', '--data', dir]);
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('the .xlsx file unpacks to more than 128 MiB (in one part)');
  });
});
