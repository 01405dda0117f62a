// Entry point of the kg GraphQL playground: a full-window GraphiQL talking to
// the same-origin /graphql endpoint, with a link to the graph view (/graph).
// Everything, fonts included, is bundled; the page makes no requests to
// other hosts.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';
import defaultQuery from './defaultQuery.graphql?raw';

const fetcher = createGraphiQLFetcher({ url: '/graphql' });

createRoot(document.getElementById('root')).render(
  createElement(
    GraphiQL,
    {
      fetcher,
      defaultQuery: defaultQuery.trim(),
      // Docs explorer and history are built into GraphiQL 3 and enabled
      // whenever it has a schema / storage; open the variables editor too.
      defaultEditorToolsVisibility: true,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    },
    // Replaces the default logo, which links to github.com, with the name
    // and a link to the graph view.
    createElement(
      GraphiQL.Logo,
      null,
      'kg ',
      createElement(
        'a',
        {
          href: './graph',
          className: 'kg-graph-link',
          title: 'Search an entity and see its neighbourhood as a graph',
          style: { fontSize: '0.8em', marginLeft: '0.6em', color: 'hsl(var(--color-primary))', textDecoration: 'none' },
        },
        'Graph view →',
      ),
    ),
  ),
);
