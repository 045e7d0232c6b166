/**
 * Draws the Teams app icons, so that they can be redrawn and reviewed as code:
 *
 *   npx tsx appPackage/draw-icons.ts     # writes appPackage/color.png and appPackage/outline.png
 *
 * - color.png, 192x192: a white house on the accent colour with an amber speech bubble holding
 *   a tick: a resident's complaint, heard and handled.
 * - outline.png, 32x32: the same house as a white outline with a tick inside, on transparent
 *   (Teams shows it in the app bar and tints it; it must be white and transparent only).
 *
 * Shapes are described in a 0..1 square and rendered with 4x4 supersampling, so edges are
 * anti-aliased; the outline icon's edge pixels are white with partial alpha, never grey.
 * test/ship checks that the committed PNGs are what this file draws.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

export const ACCENT_COLOR = '#1F6F5C';

type Rgba = readonly [number, number, number, number];
type Inside = (x: number, y: number) => boolean;
interface Layer { color: Rgba; inside: Inside }

function hex(color: string, alpha = 255): Rgba {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, alpha];
}

const WHITE: Rgba = [255, 255, 255, 255];
const ACCENT = hex(ACCENT_COLOR);
const AMBER = hex('#F2B134');

type Point = readonly [number, number];

const rect = (x0: number, y0: number, x1: number, y1: number): Inside => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;

const circle = (cx: number, cy: number, r: number): Inside => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** Even-odd point-in-polygon. */
const polygon = (points: readonly Point[]): Inside => (x, y) => {
  let inside = false;
  let previous = points[points.length - 1];
  for (const [xi, yi] of points) {
    if (previous) {
      const [xj, yj] = previous;
      if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    previous = [xi, yi];
  }
  return inside;
};

function distanceToSegment(x: number, y: number, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** A polyline stroked with round joins and caps, `width` wide. */
const stroke = (points: readonly Point[], width: number): Inside => (x, y) =>
  points.some((point, i) => i > 0 && distanceToSegment(x, y, points[i - 1] ?? point, point) <= width / 2);

const union = (...parts: Inside[]): Inside => (x, y) => parts.some((inside) => inside(x, y));

/** Paints the layers in order (later on top) with `samples` x `samples` supersampling. */
function render(size: number, background: Rgba, layers: readonly Layer[], samples = 4): PNG {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Average premultiplied colour over the subsamples.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          let color = background;
          for (const layer of layers) if (layer.inside(x, y)) color = layer.color;
          const alpha = color[3] / 255;
          r += color[0] * alpha;
          g += color[1] * alpha;
          b += color[2] * alpha;
          a += alpha;
        }
      }
      const i = (py * size + px) * 4;
      const n = samples * samples;
      png.data[i] = a > 0 ? Math.round(r / a) : background[0];
      png.data[i + 1] = a > 0 ? Math.round(g / a) : background[1];
      png.data[i + 2] = a > 0 ? Math.round(b / a) : background[2];
      png.data[i + 3] = Math.round((a / n) * 255);
    }
  }
  return png;
}

/** 192x192, full colour: white house, accent door, amber speech bubble with an accent tick. */
export function drawColorIcon(size = 192): PNG {
  const roof = polygon([[0.14, 0.55], [0.39, 0.3], [0.64, 0.55]]);
  const walls = rect(0.21, 0.5, 0.57, 0.8);
  const door = rect(0.34, 0.61, 0.44, 0.8);
  const bubble = union(circle(0.695, 0.33, 0.145), polygon([[0.6, 0.4], [0.67, 0.46], [0.575, 0.505]]));
  const tick = stroke([[0.625, 0.335], [0.675, 0.385], [0.77, 0.28]], 0.045);
  return render(size, ACCENT, [
    { color: WHITE, inside: union(roof, walls) },
    { color: ACCENT, inside: door },
    { color: AMBER, inside: bubble },
    { color: ACCENT, inside: tick },
  ]);
}

/** 32x32, white on transparent: a house outline with a tick inside. */
export function drawOutlineIcon(size = 32): PNG {
  const px = (v: number) => v / 32;
  const roof = stroke([[px(4), px(15)], [px(16), px(5)], [px(28), px(15)]], px(2.4));
  const walls = stroke([[px(7.5), px(13)], [px(7.5), px(27)], [px(24.5), px(27)], [px(24.5), px(13)]], px(2.2));
  const tick = stroke([[px(11.5), px(19.5)], [px(14.8), px(22.8)], [px(20.5), px(16.5)]], px(2.2));
  return render(size, [255, 255, 255, 0], [{ color: WHITE, inside: union(roof, walls, tick) }]);
}

export const ICON_FILES = { color: 'color.png', outline: 'outline.png' } as const;

export function writeIcons(dir: string = __dirname): string[] {
  const written: string[] = [];
  for (const [file, png] of [[ICON_FILES.color, drawColorIcon()], [ICON_FILES.outline, drawOutlineIcon()]] as const) {
    const target = path.join(dir, file);
    writeFileSync(target, PNG.sync.write(png));
    written.push(target);
  }
  return written;
}

if (require.main === module) {
  for (const file of writeIcons()) process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}
