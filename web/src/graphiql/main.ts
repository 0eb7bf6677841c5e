// GraphiQL at `GET /graphql`, bundled (React 19, graphiql 4) and served by the binary itself, so
// it works without internet and under the same strict Content-Security-Policy as the console.
// Queries go to `/graphql`, subscriptions to `/graphql/ws` on the same origin. A token goes in
// the headers editor: {"Authorization": "Bearer …"}. Plain `createElement`, no JSX: the
// console's JSX is compiled for Preact.
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import "graphiql/style.css";
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import "./graphiql.css";

const wsScheme = location.protocol === "https:" ? "wss:" : "ws:";
const fetcher = createGraphiQLFetcher({
  url: "/graphql",
  subscriptionUrl: `${wsScheme}//${location.host}/graphql/ws`,
});

const root = document.getElementById("graphiql");
if (root) {
  createRoot(root).render(
    createElement(GraphiQL, {
      fetcher,
      defaultHeaders: "",
      defaultQuery:
        "# A token goes in Headers below:\n# {\"Authorization\": \"Bearer …\"}\n{ __typename }\n",
    }),
  );
}
