import { h, type ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ReceiptPage } from './citizen/done.ts';
import { DisclosureForm } from './citizen/disclosure-form.ts';
import { ComplaintForm } from './citizen/complaint-form.ts';
import { ConsultationList, ConsultationPage } from './citizen/consultations.ts';
import { StartPage } from './citizen/start.ts';
import { TrackPage } from './citizen/track.ts';
import { TrackedDocumentPage } from './citizen/document-page.ts';
import { onLangChange, t } from './lib/i18n.ts';
import { Link, useLocation } from './lib/router.ts';
import { ErrorBox, Loading } from './ui/feedback.ts';
import { Page, Title } from './ui/layout.ts';

const CITIZEN: Record<string, ComponentType> = {
  '/': StartPage,
  '/complaint': ComplaintForm,
  '/complaint/done': ReceiptPage,
  '/disclosure-request': DisclosureForm,
  '/disclosure-request/done': ReceiptPage,
  '/track': TrackPage,
  '/track/document': TrackedDocumentPage,
  '/consultations': ConsultationList,
  '/consultations/done': ReceiptPage,
};

// The staff console is its own chunk: citizens on phones never download it.
let consoleModule: Promise<{ ConsoleApp: ComponentType<{ path: string }> }> | undefined;
const loadConsole = () => (consoleModule ??= import('./console/app.ts'));

function Console({ path }: { path: string }) {
  const [mod, setMod] = useState<{ ConsoleApp: ComponentType<{ path: string }> }>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    loadConsole().then(setMod, (e: unknown) => {
      consoleModule = undefined;
      setError(e);
    });
  }, []);
  if (mod) return h(mod.ConsoleApp, { path });
  return h(Page, null, error ? h(ErrorBox, { error }) : h(Loading, null));
}

function NotFound() {
  return h(
    Page,
    null,
    h(Title, null, t('页面不存在', 'Page not found')),
    h('p', null, h(Link, { href: '/' }, t('返回首页', 'Back to the start page'))),
  );
}

export function App() {
  const [, setLangTick] = useState(0);
  useEffect(() => onLangChange(() => setLangTick((n) => n + 1)), []);
  const { path } = useLocation();
  if (path === '/console' || path.startsWith('/console/')) return h(Console, { path });
  const consultation = /^\/consultations\/([^/]+)$/.exec(path);
  if (!CITIZEN[path] && consultation) return h(ConsultationPage, { id: decodeURIComponent(consultation[1]!), key: consultation[1] });
  return h(CITIZEN[path] ?? NotFound, null);
}
