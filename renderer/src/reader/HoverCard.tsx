import type { Label } from '../../../shared/domain/schemas';
import { labelName, useAppStore } from '../state/app-store';
import { useHoverStore } from './span-hover';

/** Every label covering the hovered character, outermost first (see useSpanHover). */
export function HoverCard({ labels }: { labels: readonly Label[] }) {
  const language = useAppStore((state) => state.language);
  const hover = useHoverStore((state) => state.hover);
  if (!hover || hover.spans.length === 0) return null;
  return (
    <div className="hovercard" role="tooltip" style={{ left: hover.x + 14, top: hover.y + 18 }}>
      {hover.spans.map((span) => {
        const label = labels.find((candidate) => candidate.key === span.labelKey);
        return (
          <div key={span.id} className="hovercard__row">
            <span className="hovercard__swatch" style={{ background: label?.color }} />
            <strong>{label ? labelName(label, language) : span.labelKey}</strong>
            <span className="hovercard__quote">
              {span.quote.length > 60 ? `${span.quote.slice(0, 59)}…` : span.quote}
            </span>
          </div>
        );
      })}
    </div>
  );
}
