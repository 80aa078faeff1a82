// Screenshot checks with ImageMagick (Debian's /usr/bin/convert).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CONVERT = existsSync('/usr/bin/convert') ? '/usr/bin/convert' : 'convert';

/** Standard deviation of the pixel values (0 for a blank, one-colour image). */
export function pixelSpread(file) {
  return Number(execFileSync(CONVERT, [file, '-format', '%[fx:standard_deviation]', 'info:']).toString().trim());
}

/** Width and height. */
export function size(file) {
  const [w, h] = execFileSync(CONVERT, [file, '-format', '%w %h', 'info:']).toString().trim().split(' ').map(Number);
  return { w, h };
}
