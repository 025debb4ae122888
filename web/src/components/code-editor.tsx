import { useRef } from 'preact/hooks';

export interface CodeEditorProps {
  text: string;
  onChange: (text: string) => void;
  /** 1-based lines to mark in the gutter. */
  markedLines: ReadonlySet<number>;
  label: string;
  /** Receives a function that selects a line, for "line N" buttons elsewhere. */
  jumpRef?: { current: ((line: number) => void) | null };
}

/** A plain textarea with a line-number gutter whose marked lines show where validation issues are. */
export function CodeEditor({ text, onChange, markedLines, label, jumpRef }: CodeEditorProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  const lineCount = text.split('\n').length;
  if (jumpRef !== undefined) {
    jumpRef.current = (line: number) => {
      const el = area.current;
      if (el === null) return;
      const lines = el.value.split('\n');
      const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
      el.focus();
      el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
      const lineHeightPx = Number.parseFloat(getComputedStyle(el).lineHeight) || 18;
      el.scrollTop = Math.max(0, (line - 4) * lineHeightPx);
    };
  }
  return (
    <div class="code-editor">
      <div class="gutter" ref={gutter} aria-hidden="true">
        {Array.from({ length: lineCount }, (_, i) => (
          <div key={i} class={markedLines.has(i + 1) ? 'marked' : undefined}>
            {i + 1}
          </div>
        ))}
      </div>
      <textarea
        ref={area}
        aria-label={label}
        spellcheck={false}
        value={text}
        onInput={(e) => onChange(e.currentTarget.value)}
        onScroll={(e) => {
          if (gutter.current !== null) gutter.current.scrollTop = e.currentTarget.scrollTop;
        }}
      />
    </div>
  );
}
