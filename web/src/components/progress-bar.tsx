/** A labelled progress bar for a share 0..1. */
export function ProgressBar({ progress, label }: { progress: number; label: string }) {
  const pct = Math.round(Math.min(1, Math.max(0, progress)) * 100);
  return (
    <div
      class="progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      aria-label={label}
    >
      <div class="progress-fill" style={{ width: `${pct}%` }} />
      <span class="progress-text">
        {label} · {pct}%
      </span>
    </div>
  );
}
