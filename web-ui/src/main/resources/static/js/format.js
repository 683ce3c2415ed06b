// Days, instants and months as people read them (British English), and the datetime-local inputs' values.

export function formatDay(day) {
  if (!day) return '';
  const date = new Date(day + (day.length === 10 ? 'T00:00:00Z' : ''));
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function formatInstant(instant) {
  if (!instant) return '';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return date.toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function monthName(month) {
  const date = new Date(month + '-01T00:00:00Z');
  return Number.isNaN(date.getTime()) ? month
    : date.toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

/** An ISO instant as a datetime-local input's value (the browser's local time). */
export function toLocalInput(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const two = (n) => String(n).padStart(2, '0');
  return date.getFullYear() + '-' + two(date.getMonth() + 1) + '-' + two(date.getDate()) + 'T'
    + two(date.getHours()) + ':' + two(date.getMinutes()) + ':' + two(date.getSeconds());
}

/** A datetime-local input's value (local time) as an ISO instant. */
export function fromLocalInput(value) {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/**
 * How long after it happened a thing was recorded, in plain words ("recorded 6 weeks after it
 * happened"), from its story day and its recording instant (UTC days, as the server counts them).
 */
export function recordedAfter(happenedOn, recordedAt) {
  const happened = new Date(happenedOn + 'T00:00:00Z');
  const recorded = new Date(String(recordedAt).slice(0, 10) + 'T00:00:00Z');
  const days = Math.round((recorded - happened) / 86400000);
  if (Number.isNaN(days)) return '';
  const count = (n, one, many) => n + ' ' + (n === 1 ? one : many);
  const span = days < 14 ? count(days, 'day', 'days')
    : days < 9 * 7 ? count(Math.round(days / 7), 'week', 'weeks')
      : days < 730 ? count(Math.round(days / 30.44), 'month', 'months')
        : count(Math.round(days / 365.25), 'year', 'years');
  return 'recorded ' + span + ' after it happened';
}
