// `?today=YYYY-MM-DD`: the page pretends that it is that day, from 09:00 local time on, and the
// clock runs on from there. Installed before anything else runs, so the plugin's "today" (which
// comes from `new Date()`) and the files' times agree. Without the parameter the clock is real.

const RealDate = Date;

/** The fixed start of "now", or null when the page runs on the real clock. */
export const fixedToday: string | null = (() => {
  const value = new URLSearchParams(window.location.search).get("today");
  if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const [year, month, day] = value.split("-").map(Number) as [number, number, number];
  const date = new RealDate(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? value : null;
})();

function install(today: string): void {
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const offset = new RealDate(year, month - 1, day, 9, 0, 0).getTime() - RealDate.now();
  const now = (): number => RealDate.now() + offset;
  const FixedDate = new Proxy(RealDate, {
    construct(target, args: unknown[], newTarget: (...a: unknown[]) => unknown) {
      return Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget) as object;
    },
    apply() {
      return new RealDate(now()).toString();
    },
    get(target, property, receiver) {
      if (property === "now") return now;
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  Object.defineProperty(window, "Date", { value: FixedDate, configurable: true, writable: true });
}

if (fixedToday !== null) install(fixedToday);

/** The current time as the page sees it (the fixed clock when one is set). */
export function nowMs(): number {
  return Date.now();
}
