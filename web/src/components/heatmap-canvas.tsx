import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { colorAt, type Domain, normalize } from '../charts/color-scale.ts';
import { dayOfYear, type HeatmapGrid, monthTicks } from '../charts/heatmap-grid.ts';
import { ColorLegend } from './color-legend.tsx';

export interface HeatmapCanvasProps {
  title: string;
  grid: HeatmapGrid;
  domain: Domain;
  /** Legend and tooltip value format, with the unit. */
  format: (value: number) => string;
  /** Legend title with its unit, e.g. `mining load (MW)`. */
  valueLabel: string;
  /** Y axis title, e.g. `hour of day (UTC−6)`. */
  hourLabel: string;
}

const MARGIN = { left: 54, right: 10, top: 8, bottom: 44 };
const HEIGHT_PX = 24 * 9 + MARGIN.top + MARGIN.bottom;
const DAY_MS = 86_400_000;

/** Hour-by-day heatmap on a canvas: x = day of year, y = hour of day, color = value; hover reads a cell. */
export function HeatmapCanvas({ title, grid, domain, format, valueLabel, hourLabel }: HeatmapCanvasProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [widthPx, setWidthPx] = useState(800);
  const [hover, setHover] = useState<string | undefined>(undefined);
  const ticks = useMemo(() => monthTicks(grid), [grid]);

  useEffect(() => {
    const el = canvas.current?.parentElement;
    if (el === null || el === undefined) return;
    const observer = new ResizeObserver(() => setWidthPx(Math.max(320, Math.floor(el.clientWidth))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const el = canvas.current;
    if (el === null) return;
    const dpr = window.devicePixelRatio || 1;
    el.width = Math.round(widthPx * dpr);
    el.height = Math.round(HEIGHT_PX * dpr);
    el.style.width = `${widthPx}px`;
    el.style.height = `${HEIGHT_PX}px`;
    const ctx = el.getContext('2d');
    if (ctx === null) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, widthPx, HEIGHT_PX);
    const plotW = widthPx - MARGIN.left - MARGIN.right;
    const plotH = HEIGHT_PX - MARGIN.top - MARGIN.bottom;
    const cellW = plotW / Math.max(1, grid.days);
    const cellH = plotH / 24;
    // one pixel per cell, then scaled up without smoothing: crisp cells and no seams between them
    const bitmap = document.createElement('canvas');
    bitmap.width = Math.max(1, grid.days);
    bitmap.height = 24;
    const bctx = bitmap.getContext('2d');
    if (bctx === null) return;
    const image = bctx.createImageData(bitmap.width, 24);
    for (let day = 0; day < grid.days; day++) {
      for (let hour = 0; hour < 24; hour++) {
        const [r, g, b] = colorAt(normalize(grid.cells[day * 24 + hour]!, domain));
        const at = ((23 - hour) * bitmap.width + day) * 4; // hour 0 at the bottom, as on any y axis
        image.data[at] = r;
        image.data[at + 1] = g;
        image.data[at + 2] = b;
        image.data[at + 3] = 255;
      }
    }
    bctx.putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(bitmap, MARGIN.left, MARGIN.top, plotW, plotH);
    ctx.fillStyle = '#374151';
    ctx.strokeStyle = '#9ca3af';
    ctx.font = '11px system-ui, sans-serif';
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (const hour of [0, 6, 12, 18, 23]) {
      const y = MARGIN.top + (23 - hour + 0.5) * cellH;
      ctx.fillText(String(hour).padStart(2, '0'), MARGIN.left - 6, y);
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (const tick of ticks) {
      const x = MARGIN.left + tick.day * cellW;
      ctx.beginPath();
      ctx.moveTo(x, MARGIN.top + plotH);
      ctx.lineTo(x, MARGIN.top + plotH + 4);
      ctx.stroke();
      ctx.fillText(
        `${tick.label} (${dayOfYear(grid.firstDayMs + tick.day * DAY_MS)})`,
        x + cellW * 15,
        MARGIN.top + plotH + 6,
      );
    }
    ctx.fillText('day of year (month, day number)', MARGIN.left + plotW / 2, MARGIN.top + plotH + 24);
    ctx.save();
    ctx.translate(13, MARGIN.top + plotH / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = 'middle';
    ctx.fillText(hourLabel, 0, 0);
    ctx.restore();
  }, [grid, domain, widthPx, ticks, hourLabel]);

  function onMove(e: MouseEvent) {
    const el = canvas.current;
    if (el === null) return;
    const rect = el.getBoundingClientRect();
    const plotW = widthPx - MARGIN.left - MARGIN.right;
    const plotH = HEIGHT_PX - MARGIN.top - MARGIN.bottom;
    const day = Math.floor(((e.clientX - rect.left - MARGIN.left) / plotW) * grid.days);
    const hour = 23 - Math.floor(((e.clientY - rect.top - MARGIN.top) / plotH) * 24);
    if (day < 0 || day >= grid.days || hour < 0 || hour > 23) {
      setHover(undefined);
      return;
    }
    const date = new Date(grid.firstDayMs + day * DAY_MS).toISOString().slice(0, 10);
    setHover(`${date} ${String(hour).padStart(2, '0')}:00 · ${format(grid.cells[day * 24 + hour]!)}`);
  }

  return (
    <figure class="card heatmap-card">
      <figcaption>{title}</figcaption>
      <div class="heatmap-host">
        <canvas
          ref={canvas}
          role="img"
          aria-label={title}
          onMouseMove={onMove}
          onMouseLeave={() => setHover(undefined)}
        />
      </div>
      <div class="heatmap-foot">
        <ColorLegend domain={domain} format={format} label={valueLabel} />
        <span class="hover-readout">{hover ?? 'hover a cell to read it'}</span>
      </div>
    </figure>
  );
}
