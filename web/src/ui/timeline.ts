import { h } from 'preact';
import { formatDateTime } from '../lib/format.ts';
import { t } from '../lib/i18n.ts';
import { eventLabel } from '../lib/labels.ts';

export interface EventLike {
  at: string;
  event: string;
  note?: string;
  /** The note in English where the system wrote it; a person's words have only their own language. */
  noteEn?: string;
  internalNote?: string;
  actor?: { type: string; name?: string; unit?: string };
}

function actorText(actor: EventLike['actor'], kind: string): string {
  if (!actor) return '';
  if (actor.type === 'staff') return actor.name || t('工作人员', 'Staff');
  if (actor.type !== 'citizen') return t('系统', 'System');
  return kind === 'disclosure-request' ? t('申请人', 'Applicant') : t('投诉人', 'Reporter');
}

/** History, oldest first. Notes are citizen or staff text: rendered as text, never as HTML. */
export function Timeline({ kind, items }: { kind: string; items: EventLike[] }) {
  return h(
    'ol',
    { class: 'timeline' },
    items.map((e, i) =>
      h(
        'li',
        { key: `${e.at}-${i}` },
        h('p', { class: 'when' }, h('time', { dateTime: e.at }, formatDateTime(e.at)), e.actor ? ` · ${actorText(e.actor, kind)}` : ''),
        h('p', { class: 'what' }, eventLabel(kind, e.event)),
        e.note ? h('p', { class: 'note' }, t(e.note, e.noteEn ?? e.note)) : null,
        e.internalNote ? h('p', { class: 'note internal' }, h('span', { class: 'tag' }, t('内部', 'Internal')), ' ', e.internalNote) : null,
      ),
    ),
  );
}
