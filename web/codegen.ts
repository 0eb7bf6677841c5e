// GraphQL Code Generator: every operation in src/ is checked against the server's SDL
// (graphql/schema.graphql, itself checked by a Rust test) and typed; `npm run build` runs it
// first, so a schema change that breaks the console breaks the build.
import type { CodegenConfig } from "@graphql-codegen/cli";

const config: CodegenConfig = {
  schema: "../graphql/schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**/*"],
  ignoreNoDocuments: false,
  generates: {
    "./src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: "string",
        enumsAsTypes: true,
        useTypeImports: true,
        strictScalars: true,
        scalars: { DateTime: "string" },
      },
    },
  },
};
export default config;
