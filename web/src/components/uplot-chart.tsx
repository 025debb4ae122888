import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface UplotChartProps {
  /** Everything but the size: the chart takes its container's width. */
  options: Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  heightPx?: number;
  label: string;
  /** Called with the data index under the cursor, or undefined when the cursor leaves. */
  onHover?: (index: number | undefined) => void;
}

/** A uPlot chart that follows its container's width; rebuilt when options or data change. */
export function UplotChart({ options, data, heightPx = 260, label, onHover }: UplotChartProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (el === null) return;
    const width = () => Math.max(280, Math.floor(el.clientWidth));
    const hooks: uPlot.Hooks.Arrays = { ...options.hooks };
    if (onHover !== undefined) {
      hooks.setCursor = [
        ...(hooks.setCursor ?? []),
        (u: uPlot) => onHover(u.cursor.idx === null || u.cursor.idx === undefined ? undefined : u.cursor.idx),
      ];
    }
    const chart = new uPlot({ ...options, hooks, width: width(), height: heightPx }, data, el);
    const observer = new ResizeObserver(() => {
      const w = width();
      if (w !== chart.width) chart.setSize({ width: w, height: heightPx });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.destroy();
    };
  }, [options, data, heightPx, onHover]);
  return <div class="chart" ref={host} role="img" aria-label={label} />;
}
