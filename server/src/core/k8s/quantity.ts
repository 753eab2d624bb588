// Kubernetes resource quantities (`100m`, `1.5Gi`, `1e3`) as apimachinery's resource.Quantity parses them: the
// syntax the API server accepts, and their value for comparing a limit with a request.

// <sign><digits>[.<digits>] then a binary-SI (Ki…Ei), decimal-SI (n u m k M G T P E) or decimal exponent (e3, E-2) suffix.
const QUANTITY = /^([+-]?)(\d+\.?\d*|\.\d+)((?:[KMGTPE]i)|[numkMGTPE]|[eE][+-]?\d+)?$/;

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

export interface Quantity {
  /** The value in base units (cores, bytes …). */
  value: number;
  negative: boolean;
}

/** Parses a quantity as written in YAML (a string or a number); undefined when the API server would refuse it. */
export function parseQuantity(raw: string | number): Quantity | undefined {
  const text = typeof raw === 'number' ? String(raw) : raw;
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const [, sign, digits, suffix = ''] = m;
  let scale: number;
  if (suffix in BINARY) scale = BINARY[suffix];
  else if (suffix in DECIMAL) scale = DECIMAL[suffix];
  else scale = 10 ** Number(suffix.slice(1));
  const value = Number(digits) * scale * (sign === '-' ? -1 : 1);
  return { value, negative: sign === '-' && Number(digits) !== 0 };
}

/** The API server's message for a quantity it cannot parse. */
export const QUANTITY_SYNTAX = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
