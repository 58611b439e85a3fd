import { h } from 'preact';
import { useState } from 'preact/hooks';
import { call } from '../lib/api.ts';
import { useLoad } from '../lib/hooks.ts';
import { t } from '../lib/i18n.ts';
import { Check, Select, TextField } from '../ui/fields.ts';
import { ErrorBox, Loading, Notice } from '../ui/feedback.ts';
import { Title } from '../ui/layout.ts';
import { detectSignIn } from './sign-in-methods.ts';
import { sessionExpired, setSession, type StaffUser } from './session.ts';
import { useUnits } from './units.ts';

const PRESETS: (StaffUser & { role: [string, string] })[] = [
  { sub: 'dev-handler-office', name: '王芳', groups: ['handler'], unit: 'office', email: 'wang.fang@office.example.gov.cn', role: ['办公室 · 经办人', 'Office · handler'] },
  { sub: 'dev-handler-policy', name: '李强', groups: ['handler'], unit: 'policy', email: 'li.qiang@policy.example.gov.cn', role: ['政策法规科 · 经办人', 'Policy · handler'] },
  { sub: 'dev-security-officer', name: '孙丽', groups: ['security-officer'], unit: 'office', email: 'sun.li@office.example.gov.cn', role: ['办公室 · 保密审查员', 'Office · security officer'] },
  { sub: 'dev-disclosure-head', name: '周华', groups: ['disclosure-head'], unit: 'office', email: 'zhou.hua@office.example.gov.cn', role: ['办公室 · 信息公开办负责人', 'Office · head of the disclosure office'] },
  { sub: 'dev-supervisor', name: '赵敏', groups: ['supervisor'], unit: 'office', role: ['督办人员', 'Supervisor'] },
  { sub: 'dev-admin', name: '陈刚', groups: ['admin'], unit: 'office', role: ['系统管理员', 'Administrator'] },
  { sub: 'dev-custodian', name: '钱进', groups: ['custodian'], unit: 'office', role: ['身份信息保管人', 'Identity custodian'] },
];

const GROUPS = ['handler', 'supervisor', 'admin', 'security-officer', 'disclosure-head', 'custodian'];

function LocalSignIn() {
  const units = useUnits();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [custom, setCustom] = useState<StaffUser>({ sub: 'dev-custom', name: '', groups: ['handler'], unit: 'finance' });

  const signIn = async (user: StaffUser) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const { token } = await call<{ token: string }>('POST', '/__local/login', { body: user });
      setSession({ token, user, mode: 'local' });
    } catch (err) {
      setFailure(err);
      setBusy(false);
    }
  };

  const toggleGroup = (g: string, on: boolean) =>
    setCustom((c) => ({ ...c, groups: on ? [...new Set([...c.groups, g])] : c.groups.filter((x) => x !== g) }));

  return h(
    'div',
    null,
    h('p', null, t('本地开发环境：选择一个测试用户登录。', 'Local development: sign in as a test user.')),
    h(ErrorBox, { error: failure }),
    h(
      'ul',
      { class: 'presets' },
      PRESETS.map((p) =>
        h(
          'li',
          { key: p.sub },
          h('button', { type: 'button', class: 'preset', disabled: busy, onClick: () => signIn(p) }, h('strong', null, p.name), h('span', null, t(...p.role))),
        ),
      ),
    ),
    h(
      'details',
      { class: 'custom-user' },
      h('summary', null, t('其他用户', 'Another user')),
      h(
        'form',
        { onSubmit: (e: Event) => (e.preventDefault(), void signIn(custom)), noValidate: true },
        h(TextField, { path: 'sub', label: t('账号（sub）', 'Account (sub)'), required: true, value: custom.sub, onValue: (sub) => setCustom({ ...custom, sub }) }),
        h(TextField, { path: 'name', label: t('姓名', 'Name'), required: true, value: custom.name, onValue: (name) => setCustom({ ...custom, name }) }),
        h(Select, {
          path: 'unit',
          label: t('所在单位', 'Unit'),
          value: custom.unit,
          onValue: (unit) => setCustom({ ...custom, unit }),
          options: (units.data ?? []).map((u) => ({ value: u.code, label: u.name })),
        }),
        h(
          'fieldset',
          { class: 'field' },
          h('legend', null, t('角色', 'Roles')),
          GROUPS.map((g) => h(Check, { key: g, path: `group-${g}`, label: g, checked: custom.groups.includes(g), onChange: (on) => toggleGroup(g, on) })),
        ),
        h('button', { type: 'submit', class: 'primary', disabled: busy || !custom.sub }, t('登录', 'Sign in')),
      ),
    ),
    h(Loading, { when: busy, text: t('正在登录…', 'Signing in…') }),
  );
}

export function SignIn() {
  const method = useLoad(detectSignIn, []);
  const m = method.data;
  return h(
    'div',
    { class: 'sign-in' },
    h(Title, null, t('工作人员登录', 'Staff sign-in')),
    sessionExpired() ? h(Notice, { kind: 'warn' }, h('p', null, t('登录已失效，请重新登录。', 'Your sign-in expired; please sign in again.'))) : null,
    h(Loading, { when: method.loading }),
    m?.kind === 'local' ? h(LocalSignIn, null) : null,
    m?.kind === 'cognito'
      ? h('p', null, h('a', { class: 'button primary', href: m.url }, t('使用统一身份认证登录', 'Sign in with the agency account')))
      : null,
    m?.kind === 'none' ? h('p', { class: 'error-box' }, t('未配置登录方式，请联系系统管理员。', 'No sign-in is configured; contact the administrator.')) : null,
  );
}
