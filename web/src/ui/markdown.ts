import { h } from 'preact';
import { parseMarkdown, type Inline } from '../../../functions/domain/consultations/markdown.ts';

const inline = (parts: Inline[]) => parts.map((p, i) => (p.strong ? h('strong', { key: i }, p.text) : p.em ? h('em', { key: i }, p.text) : p.text));

/**
 * A consultation's Markdown as elements built from text nodes only (the same safe subset the API
 * renders as `contentHtml`): no innerHTML, so nothing in a draft can become markup.
 */
export function Markdown({ source }: { source: string }) {
  const blocks = parseMarkdown(source);
  // Under the page's h2 the draft's headings start at h3 and never skip a level, whichever
  // Markdown levels its author used (a draft that starts at "##" would otherwise jump to h4).
  const levels: number[] = [...new Set(blocks.flatMap((b) => (b.type === 'heading' ? [b.level as number] : [])))].sort();
  const tag = (level: number) => `h${Math.min(3 + levels.indexOf(level), 6)}`;
  return h(
    'div',
    { class: 'markdown' },
    blocks.map((b, i) => {
      if (b.type === 'heading') return h(tag(b.level), { key: i }, inline(b.content));
      if (b.type === 'paragraph') return h('p', { key: i }, b.lines.flatMap((line, j) => (j ? [h('br', { key: `br${j}` }), ...inline(line)] : inline(line))));
      return h(b.ordered ? 'ol' : 'ul', { key: i }, b.items.map((item, j) => h('li', { key: j }, inline(item))));
    }),
  );
}
