// The uploads part of npm run bench. First, members each upload the same phone photo (3000 × 2000 JPEG with
// EXIF, about 1 MB) one after another for a fixed time, all at once: every upload is decoded, rotated, resized
// and encoded twice (the picture and its thumbnail) by the server, so this is the CPU-heavy write of the forum.
// Then the cost of reading one: a photo used in a public post, fetched by autocannon as a visitor and as a
// signed-in member (not its uploader: a reader's question is "may I see a post that uses it?"), thumbnail and
// full picture.
import { loadavg } from 'node:os';
import sharp from 'sharp';
import { inParallel } from './bench-measure.mjs';

/** A seeded generator, so that every run uploads the very same bytes (and the same amount of work). */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A phone photo: 3000 × 2000, blotches with grain (a flat colour would compress to nothing and cost the
 * encoder nothing), JPEG quality 82: about 1 MB, with a camera's EXIF, GPS and "rotate 90°" tag. Its
 * stored picture (about 420 kB) and thumbnail (about 80 kB) weigh what a real photo's do: the blotches are
 * large enough to survive the thumbnail's downscaling, and the grain that makes the 1 MB does not.
 */
export async function benchPhoto() {
  const [width, height, scale] = [3000, 2000, 20];
  const next = random(17);
  const blotches = Buffer.alloc((width / scale) * (height / scale) * 3);
  for (let i = 0; i < blotches.length; i++) blotches[i] = Math.floor(next() * 256);
  const pixels = await sharp(blotches, { raw: { width: width / scale, height: height / scale, channels: 3 } })
    .resize(width, height, { kernel: 'cubic' })
    .raw()
    .toBuffer();
  for (let i = 0; i < pixels.length; i++) pixels[i] = Math.min(255, Math.max(0, pixels[i] + Math.round((next() - 0.5) * 18)));
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 82 })
    .withExif({
      IFD0: { Make: 'BenchPhone', Model: 'B1', Artist: 'Bench Member' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 2410/100', GPSLongitudeRef: 'E', GPSLongitude: '2/1 17/1 4000/100' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** The multipart body a browser sends for one file; built once, every upload sends the same bytes. */
function multipart(bytes, name, contentType) {
  const boundary = '----HarbourBench7MA4YWxkTrZu0gW';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${contentType}\r\n\r\n`;
  return {
    body: Buffer.concat([Buffer.from(head), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

const percentile = (sorted, p) => Math.round((sorted[Math.floor((sorted.length - 1) * p)] ?? NaN) * 10) / 10;
const mb = (bytes) => Number((bytes / 1_000_000).toFixed(2));

/**
 * Each of `members` uploads `photo` for `seconds`, one upload in flight each. Returns uploads per second, their
 * latency, megabytes per second in and the CPU one upload costs the server and PostgreSQL.
 */
async function uploadThroughput({ base, members, photo, seconds, cpuSeconds }) {
  const { body, contentType } = multipart(photo, 'IMG_2041.jpg', 'image/jpeg');
  const times = [];
  const refused = {};
  const stored = [];
  const before = cpuSeconds();
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    members.map(async (member) => {
      while (performance.now() < until) {
        const sentAt = performance.now();
        const response = await fetch(`${base}/api/uploads`, {
          method: 'POST',
          headers: { 'content-type': contentType, authorization: `Bearer ${member.token}` },
          body,
        });
        const answer = await response.text();
        times.push(performance.now() - sentAt);
        if (response.status === 201) stored.push({ file: JSON.parse(answer), uploader: member });
        else refused[response.status] = (refused[response.status] ?? 0) + 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const after = cpuSeconds();
  times.sort((a, b) => a - b);
  const perUpload = (spent) => Number(((spent * 1000) / Math.max(1, stored.length)).toFixed(1));
  return {
    result: {
      uploaders: members.length,
      seconds: Number(elapsed.toFixed(1)),
      uploads: stored.length,
      uploadsPerSecond: Number((stored.length / elapsed).toFixed(2)),
      latencyMs: { p50: percentile(times, 0.5), p99: percentile(times, 0.99), max: percentile(times, 1) },
      megabytesPerSecondIn: mb((stored.length * body.length) / elapsed),
      photo: {
        megabytes: mb(photo.length),
        storedMegabytes: mb(stored[0]?.file.size ?? 0),
        stored: `${stored[0]?.file.width}×${stored[0]?.file.height}`,
      },
      refused,
      cpuMsPerUpload: { server: perUpload(after.server - before.server), postgres: perUpload(after.postgres - before.postgres) },
    },
    stored,
  };
}

/** Fetches `path` once and checks it answers 200 with a picture; returns its size, so req/s can say MB/s out. */
async function pictureSize(base, path, token) {
  const response = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = Buffer.from(await response.arrayBuffer());
  if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('image/')) {
    throw new Error(`GET ${path}: ${response.status} ${response.headers.get('content-type')}`);
  }
  return bytes.length;
}

/**
 * The uploads phase: BENCH_UPLOADERS (4) members upload for BENCH_UPLOAD_SECONDS (30; an upload takes a good
 * part of a second, and a p99 wants a hundred of them). `run(title, autocannonOptions)` is the bench's
 * autocannon runner (req/s, latency, CPU per request); `call` its JSON client; `categoryId` a public category.
 */
export async function benchUploads({ base, call, run, categoryId, cpuSeconds }) {
  const uploaders = Number(process.env.BENCH_UPLOADERS ?? 4);
  const seconds = Number(process.env.BENCH_UPLOAD_SECONDS ?? 30);
  const photo = await benchPhoto();
  const loadBefore = Number(loadavg()[0].toFixed(1));
  const members = [];
  await inParallel(
    Array.from({ length: uploaders + 1 }, (_, i) => async () => {
      const account = { username: `bench_up_${i}`, email: `up${i}@bench.example`, password: 'bench password' };
      members[i] = await call('POST', '/auth/register', account);
    }),
    4,
  );
  const reader = members.pop();
  const { result: upload, stored } = await uploadThroughput({ base, members, photo, seconds, cpuSeconds });
  process.stderr.write(
    `uploads: ${upload.uploadsPerSecond} photos/s (${upload.megabytesPerSecondIn} MB/s in) from ${upload.uploaders} members, ` +
      `p50 ${upload.latencyMs.p50} ms, p99 ${upload.latencyMs.p99} ms; CPU per upload: server ${upload.cpuMsPerUpload.server} ms, ` +
      `PostgreSQL ${upload.cpuMsPerUpload.postgres} ms; refused ${JSON.stringify(upload.refused)}\n`,
  );
  if (stored.length === 0) throw new Error('no upload was taken');
  // The first photo, shown in a public topic by its uploader (a post uses only its author's files): what a
  // topic page's <img> asks for.
  const { file, uploader } = stored[0];
  await call(
    'POST',
    '/topics',
    { categoryId, title: 'Harbour at dawn', body: `Taken this morning:\n\n![The harbour at dawn](${file.url})` },
    uploader.token,
  );
  // On a shared machine the latencies are only as good as the quiet around them: the load (runnable processes,
  // 1-minute average) before and after says how much else ran. CPU per request holds up better under load.
  const results = { loadAverage: { before: loadBefore }, upload };
  for (const [name, path] of [
    ['thumbnail', `${file.url}/thumbnail`],
    ['picture', file.url],
  ]) {
    const bytes = await pictureSize(base, path, null);
    for (const [who, token] of [
      ['AsVisitor', null],
      ['AsMember', reader.token],
    ]) {
      await pictureSize(base, path, token);
      const served = await run(`${name} ${(bytes / 1000).toFixed(0)} kB (${who === 'AsVisitor' ? 'visitor' : 'member'})`, {
        requests: [{ method: 'GET', path, headers: token ? { authorization: `Bearer ${token}` } : {} }],
      });
      results[`${name}${who}`] = {
        ...served,
        kilobytes: Math.round(bytes / 1000),
        megabytesPerSecondOut: mb(served.requestsPerSecond * bytes),
      };
    }
  }
  results.loadAverage.after = Number(loadavg()[0].toFixed(1));
  process.stderr.write(`uploads: load average ${results.loadAverage.before} before, ${results.loadAverage.after} after\n`);
  return results;
}
