import sharp from 'sharp';
import type { TestApp } from '../../testing/test-app';

type Who = Awaited<ReturnType<TestApp['as']>>;

/** EXIF GPS degrees as deg/1 min/1 sec·100/100 (what cameras write). */
function gps(degrees: number): string {
  const d = Math.floor(degrees);
  const minutes = (degrees - d) * 60;
  const m = Math.floor(minutes);
  const s = Math.round((minutes - m) * 60 * 100);
  return `${d}/1 ${m}/1 ${s}/100`;
}

/**
 * A small JPEG carrying an EXIF capture time (camera wall clock, China, `2026:03:10 09:00:00`) and a
 * GPS place; `null` leaves the metadata out (a photo with neither time nor place).
 */
export function exifPhoto(shot: { takenAt: string; lat: number; lng: number } | null, colour = '#557799') {
  const image = sharp({ create: { width: 64, height: 48, channels: 3, background: colour } }).jpeg();
  if (!shot) return image.toBuffer();
  return image
    .withExif({
      IFD2: { DateTimeOriginal: shot.takenAt },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: gps(shot.lat),
        GPSLongitudeRef: 'E',
        GPSLongitude: gps(shot.lng),
      },
    })
    .toBuffer();
}

/** Posts JPEGs as multipart `files` to an upload address as someone; answers the parsed body. */
export async function uploadJpegs(
  t: TestApp,
  who: Who,
  url: string,
  files: { name: string; bytes: Buffer }[],
) {
  const boundary = '----site-photos';
  const chunks: Buffer[] = [];
  for (const file of files)
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${file.name}"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from('\r\n'),
    );
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const response = await t.app.inject({
    method: 'POST',
    url,
    payload: Buffer.concat(chunks),
    headers: { cookie: who.cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
  if (response.statusCode !== 200) throw new Error(`upload ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as { data: { id: string; originalName: string }[] };
}
