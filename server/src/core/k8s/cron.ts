// CronJob schedules as the API server accepts them (robfig/cron's standard parser): five fields or a descriptor
// (@hourly …), with ranges, steps, lists and month/day names; `TZ=`/`CRON_TZ=` prefixes are refused (use timeZone).

const FIELDS: Array<{ name: string; min: number; max: number; names?: string[] }> = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] },
  { name: 'day of week', min: 0, max: 6, names: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] },
];
const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

function value(text: string, field: (typeof FIELDS)[number]): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const i = field.names?.indexOf(text.toLowerCase()) ?? -1;
  return i >= 0 ? i + field.min : undefined;
}

/** Why a schedule is invalid, or undefined when the API server accepts it. */
export function cronError(schedule: string): string | undefined {
  const s = schedule.trim();
  if (/^(CRON_)?TZ=/.test(s)) return 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead';
  if (s.startsWith('@')) return DESCRIPTORS.includes(s.toLowerCase()) || /^@every\s+\S+$/.test(s) ? undefined : `unrecognized descriptor: ${s}`;
  const parts = s.split(/\s+/);
  if (parts.length !== 5) return `expected exactly 5 fields, found ${parts.length}: ${s}`;
  for (let i = 0; i < 5; i++) {
    const field = FIELDS[i];
    for (const item of parts[i].split(',')) {
      const [range, step, extra] = item.split('/');
      if (extra !== undefined || (step !== undefined && !/^\d+$/.test(step))) return `invalid step in ${field.name}: ${item}`;
      if (step !== undefined && Number(step) === 0) return `step of range should be a positive number: ${item}`;
      if (range === '*' || range === '?') continue;
      const [lo, hi, more] = range.split('-');
      if (more !== undefined) return `too many hyphens in ${field.name}: ${item}`;
      const a = value(lo, field);
      const b = hi === undefined ? a : value(hi, field);
      if (a === undefined || b === undefined) return `failed to parse ${field.name}: ${item}`;
      // Day of week 7 is Sunday in many crons; robfig's parser refuses it, and so does the API server.
      if (a < field.min || b > field.max) return `${field.name} out of range (${field.min}-${field.max}): ${item}`;
      if (a > b) return `beginning of range (${a}) beyond end of range (${b}): ${item}`;
    }
  }
  return undefined;
}

/** Whether `zone` is an IANA time zone name this runtime knows (the API server checks against its tz database). */
export function isTimeZone(zone: string): boolean {
  if (zone === '' || zone.toLowerCase() === 'local') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
