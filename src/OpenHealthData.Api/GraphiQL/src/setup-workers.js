// Monaco web workers, bundled by Vite as separate same-origin files under /graphiql/assets/
// (the `?worker` suffix makes Vite emit each worker as its own chunk; nothing is inlined as a blob
// and nothing is loaded from a CDN). Must run before any editor is created, so main.jsx imports it first.
import JsonWorker from 'monaco-editor/esm/vs/language/json/json.worker.js?worker';
import GraphQLWorker from 'monaco-graphql/esm/graphql.worker.js?worker';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';

globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    switch (label) {
      case 'json':
        return new JsonWorker();
      case 'graphql':
        return new GraphQLWorker();
      default:
        return new EditorWorker();
    }
  },
};
