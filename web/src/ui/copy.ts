import { h } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { t } from '../lib/i18n.ts';

/**
 * A value to keep (tracking number, access code) with a copy button. Where the clipboard API
 * is missing or refused (plain http, old browsers), the text is selected for a manual copy.
 */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(t('已复制', 'Copied'));
    } catch {
      input.current?.focus();
      input.current?.select();
      setStatus(t('已选中，请按 Ctrl+C 或长按复制', 'Selected: press Ctrl+C or long-press to copy'));
    }
  };
  return h(
    'div',
    { class: 'field copy' },
    h('label', { for: id }, label),
    h(
      'div',
      { class: 'copy-row' },
      h('input', { id, ref: input, readOnly: true, value, class: 'mono big', onFocus: (e: Event) => (e.currentTarget as HTMLInputElement).select() }),
      h('button', { type: 'button', class: 'secondary', onClick: copy, 'aria-describedby': `${id}-status` }, t('复制', 'Copy')),
    ),
    h('p', { class: 'hint', id: `${id}-status`, role: 'status' }, status),
  );
}

/** Draws the tracking number and access code on a canvas and downloads it as a PNG (no server, no inline script). */
function saveAsImage(lines: [string, string][], fileName: string): boolean {
  const canvas = document.createElement('canvas');
  const scale = 2;
  canvas.width = 560 * scale;
  canvas.height = (40 + lines.length * 70) * scale;
  const g = canvas.getContext('2d');
  if (!g) return false;
  g.scale(scale, scale);
  g.fillStyle = '#fff';
  g.fillRect(0, 0, 560, 40 + lines.length * 70);
  lines.forEach(([label, value], i) => {
    const y = 36 + i * 70;
    g.fillStyle = '#5a5a60';
    g.font = '15px "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';
    g.fillText(label, 20, y);
    g.fillStyle = '#1d1d1f';
    g.font = 'bold 22px "DejaVu Sans Mono", Menlo, Consolas, monospace';
    g.fillText(value, 20, y + 30);
  });
  canvas.toBlob((blob) => {
    if (!blob) return;
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }, 'image/png');
  return true;
}

/**
 * The access code shown whole on any screen: its groups wrap as units instead of scrolling out
 * of a narrow input. Copy, save as an image, or print (the page's print CSS keeps only the receipt).
 */
export function AccessCodeField({ id, label, value, trackingNo }: { id: string; label: string; value: string; trackingNo: string }) {
  const text = useRef<HTMLParagraphElement>(null);
  const [status, setStatus] = useState('');
  const groups = value.split('-');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setStatus(t('已复制', 'Copied'));
    } catch {
      const range = document.createRange();
      if (text.current) range.selectNodeContents(text.current);
      const sel = window.getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      setStatus(t('已选中，请按 Ctrl+C 或长按复制', 'Selected: press Ctrl+C or long-press to copy'));
    }
  };
  const save = () => {
    const ok = saveAsImage(
      [
        [t('查询编号', 'Tracking number'), trackingNo],
        [label, value],
      ],
      `${trackingNo}.png`,
    );
    setStatus(ok ? t('图片已保存到下载文件夹', 'Image saved to your downloads') : t('无法生成图片，请截屏或抄写', 'Could not make an image: take a screenshot or write it down'));
  };
  return h(
    'div',
    { class: 'field copy access-code' },
    h('p', { class: 'label', id: `${id}-label` }, label),
    h(
      'p',
      { id, ref: text, class: 'code-groups mono big', 'aria-labelledby': `${id}-label` },
      groups.map((g, i) => h('span', { key: i, class: 'code-group' }, i < groups.length - 1 ? `${g}-` : g)),
    ),
    h(
      'div',
      { class: 'code-tools' },
      h('button', { type: 'button', class: 'secondary', onClick: copy, 'aria-describedby': `${id}-status` }, t('复制', 'Copy')),
      h('button', { type: 'button', class: 'secondary', onClick: save, 'aria-describedby': `${id}-status` }, t('保存为图片', 'Save as image')),
      h('button', { type: 'button', class: 'secondary', onClick: () => window.print() }, t('打印', 'Print')),
    ),
    h('p', { class: 'hint', id: `${id}-status`, role: 'status' }, status),
  );
}
