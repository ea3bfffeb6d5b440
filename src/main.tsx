import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './app/app.css';
import { startScenarios } from './app/scenarios/scenario-session';
import { prefetchSampleProvince } from './app/sample';

// Before the first render: the saved scenario (or the sample's files) is fetched and parsed in
// workers while React and the map start up, instead of after the map's first frame.
void startScenarios(prefetchSampleProvince());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
