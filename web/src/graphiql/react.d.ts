// The little of React's API that GraphiQL's entry uses, typed here: React ships no types and
// the console (Preact) needs none, so @types/react is not installed for these two calls.
declare module "react" {
  export function createElement(
    type: unknown,
    props?: Record<string, unknown> | null,
    ...children: unknown[]
  ): unknown;
}
declare module "react-dom/client" {
  export function createRoot(container: Element): {
    render(node: unknown): void;
    unmount(): void;
  };
}
