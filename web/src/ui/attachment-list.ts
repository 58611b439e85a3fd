import { h } from 'preact';
import { formatSize, typeLabel } from '../citizen/attachments-field.ts';
import { t } from '../lib/i18n.ts';
import type { AttachmentLink } from '../lib/types.ts';

const who = (a: AttachmentLink) =>
  a.addedBy === 'staff'
    ? a.action === 'intake'
      ? t('收件时登记', 'entered at receipt')
      : t('办理人员提供', 'from the office')
    : a.action === 'clarification'
      ? t('补正材料', 'clarification')
      : '';

/**
 * Evidence files as a case view lists them: number, type, size and where each came from, never
 * a file name. A file opens (a link valid 5 minutes: reload for fresh ones) only once the malware
 * scan passed; before that it says so.
 */
export function AttachmentList({ items, title }: { items?: AttachmentLink[]; title: string }) {
  if (!items?.length) return null;
  return [
    h('h3', { key: 'ah' }, title),
    h(
      'ul',
      { key: 'al', class: 'attachment-list' },
      items.map((a, i) => {
        const label = t(`附件 ${i + 1}`, `File ${i + 1}`);
        const from = who(a);
        return h(
          'li',
          { key: a.id },
          a.url
            ? h('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer', download: '', class: 'attachment-link' }, label)
            : h('span', { class: 'attachment-closed' }, label),
          h('span', { class: 'attachment-meta' }, ` ${typeLabel(a.contentType)} · ${formatSize(a.size)}${from ? ` · ${from}` : ''}`),
          a.url ? null : h('span', { class: `attachment-scan scan-${a.scan ?? 'pending'}` }, ' ', scanText(a.scan)),
        );
      }),
    ),
  ];
}

function scanText(scan: AttachmentLink['scan']) {
  if (scan === 'threat') return t('（未通过安全检查，不能打开）', '(failed the malware scan: cannot be opened)');
  if (scan === 'failed') return t('（无法完成安全检查，不能打开）', '(the malware scan could not finish: cannot be opened)');
  return t('（安全检查中，稍后刷新可打开）', '(being scanned for malware: reload shortly to open)');
}
