import '@mantine/core/styles.css';
import './styles.css';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseTransport } from './api/choose-transport';
import { App } from './shell/App';
import { NoTokenPage } from './shell/NoTokenPage';
import { theme } from './shell/theme';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const transport = chooseTransport();

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="light">
      {transport ? <App transport={transport} /> : <NoTokenPage />}
    </MantineProvider>
  </StrictMode>,
);
