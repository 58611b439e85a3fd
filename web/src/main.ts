import { render, h } from 'preact';
import { App } from './app.ts';
import { applyLang } from './lib/i18n.ts';

applyLang();
render(h(App, null), document.getElementById('app')!);
