import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startTransport } from './api/start-transport';
import { App } from './app';
import { installHashSync } from './navigation/hash-sync';
import './styles/theme.css';
import './styles/layout.css';
import './styles/table.css';
import './styles/chips.css';
import './styles/heatmap.css';
import './styles/latency.css';

installHashSync(window);
startTransport(window);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
