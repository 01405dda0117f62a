import { defineConfig } from 'vite';

// The built site goes to ui/dist, is embedded into the Go binary (web.go)
// and served at /. Asset URLs are relative, so the site also works under a
// path prefix.
export default defineConfig({
  base: './',
  build: {
    outDir: 'ui/dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    // GraphiQL (React, CodeMirror 5, graphql-js, inlined fonts) is big by
    // nature; don't warn about it.
    chunkSizeWarningLimit: 4096,
    rolldownOptions: {
      onwarn(warning, warn) {
        // React/Radix ship "use client" / "use no memo" directives that are
        // meaningless in a client-only bundle.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
