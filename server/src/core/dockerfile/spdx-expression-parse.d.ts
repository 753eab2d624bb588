// Types for spdx-expression-parse 4 (the package ships none): it returns the expression's tree or throws.
declare module 'spdx-expression-parse' {
  export default function parse(expression: string): unknown;
}
