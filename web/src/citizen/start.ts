import { h } from 'preact';
import type { PublicAgency } from '../../../functions/shared/agency.ts';
import { useLoad } from '../lib/hooks.ts';
import { t, tr } from '../lib/i18n.ts';
import { loadPublicConfig } from '../lib/public-config.ts';
import { Link } from '../lib/router.ts';
import { Page, Title } from '../ui/layout.ts';

interface Service {
  href?: string;
  title: string;
  text: string;
}

function Card({ href, title, text }: Service) {
  const body = [h('h2', null, title), h('p', null, text)];
  if (!href) return h('li', { class: 'card soon' }, ...body, h('p', { class: 'badge' }, t('即将开放', 'Coming soon')));
  return h('li', { class: 'card' }, h(Link, { href, class: 'card-link' }, ...body));
}

/** Who runs this service and how to reach them, and who sees what a citizen sends: from GET /v1/config. */
function AgencyInfo({ agency }: { agency: PublicAgency }) {
  return h(
    'div',
    { class: 'agency' },
    h(
      'section',
      { class: 'agency-contact', 'aria-labelledby': 'agency-h' },
      h('h2', { id: 'agency-h' }, tr(agency.name)),
      h(
        'dl',
        null,
        h('dt', null, t('咨询电话', 'Hotline')),
        h('dd', null, h('a', { href: `tel:${agency.hotline.replace(/[^\d+]/g, '')}`, class: 'hotline' }, agency.hotline)),
        h('dt', null, t('办公时间', 'Office hours')),
        h('dd', null, tr(agency.officeHours)),
      ),
    ),
    h(
      'section',
      { class: 'privacy', 'aria-labelledby': 'privacy-h' },
      h('h2', { id: 'privacy-h' }, t('您的信息谁能看到', 'Who sees what you send')),
      h('ul', null, agency.privacy.map((p, i) => h('li', { key: i }, tr(p)))),
    ),
  );
}

export function StartPage() {
  const services: Service[] = [
    {
      href: '/complaint',
      title: t('投诉举报', 'Complain or report'),
      text: t(
        '机关单位不公开、虚假公开、违规公开或拖延办理信息公开申请等，可在此投诉举报，可实名也可匿名。',
        'Report a unit that fails to disclose, discloses falsely or unlawfully, or mishandles information requests. Named or anonymous.',
      ),
    },
    {
      href: '/track',
      title: t('查询办理进度', 'Follow a case'),
      text: t('凭查询编号和查询码，查看投诉或申请的办理情况和结果，补正申请，并对结果进行评价。', 'With the tracking number and access code: see progress and the result, answer a request for clarification, and rate it.'),
    },
    {
      href: '/disclosure-request',
      title: t('申请政府信息公开', 'Request government information'),
      text: t('依申请公开政府信息，自收到申请之日起 20 个工作日内答复。', 'Ask for government information; answered within 20 working days of receipt.'),
    },
    {
      href: '/consultations',
      title: t('重大决策征求意见', 'Comment on a draft decision'),
      text: t('对正在公开征求意见的决策草案发表意见。', 'Comment on draft decisions open for public consultation.'),
    },
  ];
  const cfg = useLoad(loadPublicConfig, []);
  const agency = cfg.data?.agency;
  return h(
    Page,
    null,
    h(Title, null, t('您好，请选择要办理的事项', 'What would you like to do?')),
    h('ul', { class: 'cards' }, services.map((s) => h(Card, { ...s, key: s.title }))),
    agency ? h(AgencyInfo, { agency }) : null,
    h(
      'p',
      { class: 'muted' },
      t('工作人员入口：', 'Staff: '),
      h(Link, { href: '/console' }, t('办理平台', 'case console')),
    ),
  );
}
