/* The clock of a conversation: which step is on, how long each step has run, and the schedule that
   follows from it. Pure logic on Date.now(), so a test can fake the clock; the component draws it. */

const MINUTE = 60000;

/** A timer over `steps` ({minutes}); `saved` ({index, elapsed}) continues an earlier run, paused. */
export function createTimer(steps, saved = {}) {
  const elapsed = steps.map((_, i) => Math.max(0, Number((saved.elapsed || [])[i]) || 0));
  let index = Math.min(Math.max(0, Number(saved.index) || 0), steps.length - 1);
  let since = null; // Date.now() when the running period began, or null when paused

  const planned = (i) => steps[i].minutes * MINUTE;
  const spent = (i) => elapsed[i] + (since !== null && i === index ? Date.now() - since : 0);
  function bank() {
    if (since === null) return;
    const now = Date.now();
    elapsed[index] += now - since;
    since = now;
  }

  return {
    get index() { return index; },
    get running() { return since !== null; },
    /** Milliseconds spent in step i (the current one keeps counting while running). */
    spent,
    /** Milliseconds left in step i; negative when it ran over. */
    remaining: (i = index) => planned(i) - spent(i),
    /** True when the current step ran over its planned time. */
    over: () => planned(index) - spent(index) < 0,
    start() { if (since === null) since = Date.now(); },
    pause() { bank(); since = null; },
    /** Start or pause; returns true when it now runs. */
    toggle() { if (since === null) since = Date.now(); else { bank(); since = null; } return since !== null; },
    /** Go to step i (keeps running if it ran); returns false when i is outside the order. */
    go(i) {
      if (i < 0 || i >= steps.length || i === index) return false;
      const wasRunning = since !== null;
      bank();
      index = i;
      since = wasRunning ? Date.now() : null;
      return true;
    },
    /** The totals: planned, spent so far, still to go (now and the later steps as planned), the
      expected end and how far behind the plan (ms, positive = behind). */
    totals() {
      const plannedTotal = steps.reduce((t, _, i) => t + planned(i), 0);
      const spentTotal = steps.reduce((t, _, i) => t + spent(i), 0);
      let left = Math.max(0, planned(index) - spent(index));
      for (let i = index + 1; i < steps.length; i++) left += Math.max(0, planned(i) - spent(i));
      const usedBefore = steps.slice(0, index + 1).reduce((t, _, i) => t + Math.max(planned(i), spent(i)), 0);
      const plannedBefore = steps.slice(0, index + 1).reduce((t, _, i) => t + planned(i), 0);
      return { planned: plannedTotal, spent: spentTotal, left, end: Date.now() + left, behind: usedBefore - plannedBefore };
    },
    /** When each step is expected to start, recomputed from now: a Date, or null for steps done. */
    schedule() {
      let t = Date.now() + Math.max(0, planned(index) - spent(index));
      return steps.map((_, i) => {
        if (i < index) return null;
        if (i === index) return new Date(Date.now() - spent(i));
        const at = new Date(t);
        t += Math.max(0, planned(i) - spent(i));
        return at;
      });
    },
    /** What to keep: the step and the time spent per step. */
    save() { return { index, elapsed: steps.map((_, i) => Math.round(spent(i))) }; },
  };
}

/** "4:05" for ms (rounded up to whole seconds while counting down); "+1:10" when negative. */
export function clockText(ms) {
  const over = ms < 0;
  const s = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  return over ? "+" + text : text;
}

/** Whole minutes, rounded ("0 min" below half a minute). */
export const minutes = (ms) => Math.round(ms / MINUTE);

/** "14:05" for a Date, in Dutch. */
export const timeOfDay = (d) => d.toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" });
