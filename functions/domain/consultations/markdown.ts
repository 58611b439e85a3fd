/**
 * A small, safe Markdown subset for a consultation's content: headings (#, ##, ###), paragraphs,
 * line breaks, bulleted and numbered lists, **bold** and *italic*. No raw HTML, no links, no
 * images: every character of the source is text, and `toHtml` escapes all of it, so nothing a
 * draft contains can become markup or script.
 */
export type Inline = { text: string; strong?: boolean; em?: boolean };
export type Block =
  | { type: 'heading'; level: 2 | 3 | 4; content: Inline[] }
  | { type: 'paragraph'; lines: Inline[][] }
  | { type: 'list'; ordered: boolean; items: Inline[][] };

const HEADING = /^(#{1,3})\s+(.*)$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)、]\s+(.*)$/;

export function inline(text: string): Inline[] {
  const out: Inline[] = [];
  const pattern = /\*\*(.+?)\*\*|\*(.+?)\*/g;
  let last = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index) });
    out.push(m[1] !== undefined ? { text: m[1], strong: true } : { text: m[2]!, em: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Inline[][] | undefined;
  let list: Extract<Block, { type: 'list' }> | undefined;
  const end = () => {
    paragraph = undefined;
    list = undefined;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (!line.trim()) {
      end();
    } else if (heading) {
      end();
      blocks.push({ type: 'heading', level: (heading[1]!.length + 1) as 2 | 3 | 4, content: inline(heading[2]!.trim()) });
    } else if (bullet || numbered) {
      const ordered = !!numbered;
      if (!list || list.ordered !== ordered) {
        end();
        list = { type: 'list', ordered, items: [] };
        blocks.push(list);
      }
      list.items.push(inline((bullet ?? numbered)![1]!.trim()));
    } else {
      list = undefined;
      if (!paragraph) {
        paragraph = [];
        blocks.push({ type: 'paragraph', lines: paragraph });
      }
      paragraph.push(inline(line.trim()));
    }
  }
  return blocks;
}

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"'`=/]/g, (ch) => `&#${ch.charCodeAt(0)};`);

const inlineHtml = (parts: Inline[]) =>
  parts.map((p) => (p.strong ? `<strong>${escapeHtml(p.text)}</strong>` : p.em ? `<em>${escapeHtml(p.text)}</em>` : escapeHtml(p.text))).join('');

/** The blocks as HTML in which every character of the source is escaped text. */
export function markdownToHtml(source: string): string {
  return parseMarkdown(source)
    .map((b) => {
      if (b.type === 'heading') return `<h${b.level}>${inlineHtml(b.content)}</h${b.level}>`;
      if (b.type === 'paragraph') return `<p>${b.lines.map(inlineHtml).join('<br>')}</p>`;
      const tag = b.ordered ? 'ol' : 'ul';
      return `<${tag}>${b.items.map((i) => `<li>${inlineHtml(i)}</li>`).join('')}</${tag}>`;
    })
    .join('\n');
}

/** The first words of the text, without Markdown marks: a list's summary line. */
export function plainSummary(source: string, max = 120): string {
  const text = parseMarkdown(source)
    .flatMap((b) => (b.type === 'heading' ? [b.content] : b.type === 'paragraph' ? b.lines : b.items))
    .map((parts) => parts.map((p) => p.text).join(''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
