import Markdown, { type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";

/** Links in organizer text are theirs, not ours: no ranking credit, no window.opener. */
export const DESCRIPTION_LINK_REL = "nofollow ugc noopener";

const components: Components = {
  a: ({ node: _node, ...props }) => <a {...props} rel={DESCRIPTION_LINK_REL} className="font-medium text-brand-700 underline" />,
  // The page's one h1 is the event title, so the organizer's headings start a level below it.
  h1: ({ node: _node, ...props }) => <h2 {...props} className="text-xl font-semibold text-slate-900" />,
  h2: ({ node: _node, ...props }) => <h3 {...props} className="text-lg font-semibold text-slate-900" />,
  h3: ({ node: _node, ...props }) => <h4 {...props} className="font-semibold text-slate-900" />,
  ul: ({ node: _node, ...props }) => <ul {...props} className="list-disc pl-6" />,
  ol: ({ node: _node, ...props }) => <ol {...props} className="list-decimal pl-6" />,
};

/**
 * An event's Markdown description. Raw HTML in it is never rendered (react-markdown drops it
 * without rehype-raw), unsafe URLs (javascript:, data:) are removed by its URL transform, and
 * rehype-sanitize's GitHub schema strips whatever else is not plain content (event handlers,
 * styles, unknown elements), so the page shows the text but never runs it.
 */
export function EventDescription({ markdown }: { markdown: string }) {
  return (
    <div className="space-y-3 break-words text-slate-700" data-testid="event-description">
      <Markdown rehypePlugins={[rehypeSanitize]} components={components}>
        {markdown}
      </Markdown>
    </div>
  );
}
