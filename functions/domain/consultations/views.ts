import { toShanghaiIso } from '../calendar/index.ts';
import { isLate } from '../cases/deadlines.ts';
import type { Unit } from '../cases/model.ts';
import { markdownToHtml, plainSummary } from './markdown.ts';
import type { CommentCase, ConsultationCase } from './model.ts';
import { outcomeLabel, publicStatus } from './rules.ts';

/** A list row of the public consultation list; undefined for a draft. */
export function consultationListItem(c: ConsultationCase, now: Date) {
  const status = publicStatus(c, now);
  if (!status) return undefined;
  return { id: c.caseId, title: c.title, summary: plainSummary(c.background || c.content), opensAt: c.opensAt, closesAt: c.closesAt, status };
}

/** A published comment: its text, and its author's name only where they consented. */
const publicComment = (c: CommentCase) => ({
  text: c.text,
  receivedAt: toShanghaiIso(c.receivedAt),
  ...(c.publicityConsent && c.publicName ? { name: c.publicName } : {}),
});

/**
 * The consultation as the public reads it, without sign-in: the draft (its content rendered from
 * Markdown with everything escaped) and, once reported, the adoption report — the counts, each
 * group's outcome and reason, and the texts of the published comments. Hidden comments are
 * counted, never shown; names only with consent; never a contact or a tracking number.
 */
export function publicConsultation(c: ConsultationCase, comments: CommentCase[], now: Date, units: Unit[]) {
  const item = consultationListItem(c, now);
  if (!item) return undefined;
  const byId = new Map(comments.map((k) => [k.caseId, k]));
  const report = c.report && {
    publishedAt: toShanghaiIso(c.report.publishedAt),
    onTime: c.report.onTime,
    counts: c.report.counts,
    items: c.report.items.map((i) => ({
      outcome: i.outcome,
      outcomeLabel: outcomeLabel(i.outcome),
      ...(i.reason ? { reason: i.reason } : {}),
      comments: i.commentIds.map((id) => byId.get(id)).filter((k): k is CommentCase => !!k && k.status !== 'hidden').map(publicComment),
    })),
    // Published comments no group answered: shown, without an outcome.
    otherComments: comments.filter((k) => k.status === 'concluded' && k.conclusion?.outcome === undefined).map(publicComment),
  };
  return {
    ...item,
    unit: c.unit,
    unitName: units.find((u) => u.code === c.unit)?.name ?? c.unit,
    unitNameEn: units.find((u) => u.code === c.unit)?.nameEn ?? units.find((u) => u.code === c.unit)?.name ?? c.unit,
    background: c.background,
    basis: c.basis,
    content: c.content,
    contentHtml: markdownToHtml(c.content),
    acceptsComments: item.status === 'open',
    ...(report ? { report } : {}),
  };
}

/** Comments, adoption and timeliness over a set of consultations: the figures the stats and dashboard show. */
export function consultationStats(consultations: ConsultationCase[], commentsReceived: number, now: Date) {
  const reported = consultations.filter((c) => c.report);
  const sum = (key: 'adopted' | 'partlyAdopted' | 'published') => reported.reduce((n, c) => n + c.report!.counts[key], 0);
  const published = sum('published');
  const overdue = consultations.filter((c) => c.deadlines.report && isLate(c.deadlines.report, now)).length;
  const onTime = reported.filter((c) => c.report!.onTime).length;
  return {
    consultations: consultations.filter((c) => c.status !== 'draft').length,
    commentsReceived,
    adopted: sum('adopted'),
    partlyAdopted: sum('partlyAdopted'),
    adoptionRate: published ? Math.round(((sum('adopted') + sum('partlyAdopted')) / published) * 1000) / 1000 : null,
    reportsPublished: reported.length,
    reportsOnTime: onTime,
    reportsOverdue: overdue,
    reportOnTimeRate: reported.length + overdue ? Math.round((onTime / (reported.length + overdue)) * 1000) / 1000 : null,
  };
}
