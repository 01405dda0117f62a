import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The built site goes to ui/dist, is embedded into the Go binary (web.go)
// and served: the playground (index.html) at /, the graph view (graph.html)
// at /graph. Asset URLs are relative, so the site also works under a path
// prefix.
const page = (name) => fileURLToPath(new URL(name, import.meta.url));

export default defineConfig({
  base: './',
  build: {
    outDir: 'ui/dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // GraphiQL (React, CodeMirror 5, graphql-js, inlined fonts) and
    // Cytoscape.js are big by nature; don't warn about them.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      // Two pages: each gets only the code it imports (the graph view does
      // not load GraphiQL).
      input: {
        index: page('index.html'),
        graph: page('graph.html'),
      },
      onwarn(warning, warn) {
        // React/Radix ship "use client" / "use no memo" directives that are
        // meaningless in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
