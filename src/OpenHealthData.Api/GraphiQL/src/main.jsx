// Entry point of the offline OpenHealthData GraphQL IDE (GraphiQL 5 + Monaco), built by Vite into ../wwwroot/graphiql.
import './setup-workers.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './app.css';
import { fetcher } from './fetcher.js';
import { DEFAULT_QUERY, LINKED_QUERY } from './default-query.js';

function App() {
  return (
    <GraphiQL
      fetcher={fetcher}
      defaultQuery={DEFAULT_QUERY}
      initialQuery={LINKED_QUERY}
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo>OpenHealthData</GraphiQL.Logo>
    </GraphiQL>
  );
}

createRoot(document.getElementById('graphiql')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
