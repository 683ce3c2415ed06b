// A place's insights as the forms need them, read from the place's journey.
import { get } from './http.js';

/**
 * An insight as it reads now, with the version a revision must name (If-Match), found in its
 * place's journey: the latest of its lines, and how many there are.
 */
export async function insightNow(placeId, insightId) {
  const journey = await get('/api/places/' + encodeURIComponent(placeId) + '/journey?size=1000');
  const lines = journey.timeline.items
    .filter((item) => item.subjectId === insightId && item.kind.startsWith('insight-'))
    .sort((a, b) => a.position - b.position);
  if (!lines.length) return null;
  const latest = lines.filter((line) => line.kind !== 'insight-retracted').pop();
  return {
    insightId, placeId, placeName: journey.name,
    text: latest.summary, layer: latest.layer, sphere: latest.sphere, principles: latest.principles,
    themes: latest.themes, source: latest.source,
    retracted: lines.some((line) => line.kind === 'insight-retracted'),
    version: lines.length - 1,
  };
}

/** A place's insights as they read now (not withdrawn), newest first: [{insightId, text, date}]. */
export async function insightsOf(placeId) {
  const journey = await get('/api/places/' + encodeURIComponent(placeId) + '/journey?size=1000');
  const byId = new Map();
  const retracted = new Set();
  for (const item of journey.timeline.items.slice().sort((a, b) => a.position - b.position)) {
    if (item.kind === 'insight-retracted') retracted.add(item.subjectId);
    else if (item.kind === 'insight-recorded') byId.set(item.subjectId, { insightId: item.subjectId, text: item.summary, date: item.date, position: item.position });
    else if (item.kind === 'insight-revised' && byId.has(item.subjectId)) byId.get(item.subjectId).text = item.summary;
  }
  return [...byId.values()].filter((insight) => !retracted.has(insight.insightId))
    .sort((a, b) => b.position - a.position);
}

/** The version of a practice a change must name (If-Match): one per event of its history. */
export function practiceVersion(history) {
  const outcomes = history.versions.reduce((sum, version) => sum + (version.outcomes || []).length, 0);
  return history.versions.length - 1 + outcomes + (history.status === 'retired' ? 1 : 0);
}
