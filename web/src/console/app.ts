import { h } from 'preact';
import { t } from '../lib/i18n.ts';
import { Link, navigate } from '../lib/router.ts';
import { Page, Title } from '../ui/layout.ts';
import { AnnualReportPage } from './annual-report.ts';
import { CasePage } from './case-page.ts';
import { CaseDocumentPage } from './case-documents.ts';
import { ConsultationsPage, ConsultationStaffPage } from './consultations.ts';
import { ContactRequestsPage, isCustodian } from './contact-requests.ts';
import { Inbox } from './inbox.ts';
import { consumeCognitoRedirect } from './sign-in-methods.ts';
import { SignIn } from './sign-in.ts';
import { canSeeReports, isSupervisor, setSession, useSession, type Session } from './session.ts';
import { Supervision } from './supervision.ts';

consumeCognitoRedirect();

function Nav({ s, path }: { s: Session; path: string }) {
  const item = (href: string, label: string) =>
    h('li', { key: href }, h(Link, { href, class: path === href ? 'current' : undefined }, label));
  return h(
    'div',
    { class: 'console-nav' },
    h(
      'ul',
      null,
      item('/console', t('待办案件', 'Inbox')),
      item('/console/consultations', t('征求意见', 'Consultations')),
      isSupervisor(s.user) ? item('/console/supervision', t('督办看板', 'Supervision')) : null,
      canSeeReports(s.user) ? item('/console/reports/disclosure-annual', t('年度报表', 'Annual report')) : null,
      isCustodian(s.user.groups) ? item('/console/contact-requests', t('联系方式审批', 'Contact requests')) : null,
    ),
    h(
      'p',
      { class: 'who' },
      h('span', null, s.user.name || s.user.sub),
      ' ',
      h('button', { type: 'button', class: 'link-button', onClick: () => (setSession(undefined), navigate('/console')) }, t('退出', 'Sign out')),
    ),
  );
}

function route(path: string, s: Session) {
  const documentMatch = /^\/console\/cases\/([^/]+)\/documents\/([^/]+)$/.exec(path);
  if (documentMatch) return h(CaseDocumentPage, { caseId: decodeURIComponent(documentMatch[1]!), documentId: decodeURIComponent(documentMatch[2]!), key: path });
  const caseMatch = /^\/console\/cases\/([^/]+)$/.exec(path);
  if (caseMatch) return h(CasePage, { caseId: decodeURIComponent(caseMatch[1]!), key: caseMatch[1] });
  const consultation = /^\/console\/consultations\/([^/]+)$/.exec(path);
  if (consultation) return h(ConsultationStaffPage, { id: decodeURIComponent(consultation[1]!), key: consultation[1] });
  if (path === '/console/consultations') return h(ConsultationsPage, null);
  if (path === '/console/supervision') {
    return isSupervisor(s.user) ? h(Supervision, null) : h(Title, null, t('仅督办人员可以查看', 'For supervisors only'));
  }
  if (path === '/console/reports/disclosure-annual') {
    return canSeeReports(s.user) ? h(AnnualReportPage, null) : h(Title, null, t('仅督办人员和信息公开办负责人可以查看', 'For supervisors and the head of the disclosure office only'));
  }
  if (path === '/console/contact-requests') {
    return isCustodian(s.user.groups) ? h(ContactRequestsPage, null) : h(Title, null, t('仅身份信息保管人可以查看', 'For the identity custodian only'));
  }
  if (path === '/console') return h(Inbox, null);
  return h(Title, null, t('页面不存在', 'Page not found'));
}

/** The staff side: sign-in, inbox, case page, supervision dashboard. */
export function ConsoleApp({ path }: { path: string }) {
  const s = useSession();
  if (!s) return h(Page, null, h(SignIn, null));
  return h(Page, { nav: h(Nav, { s, path }) }, route(path, s));
}
