// Insights as the forms need them: one to revise, and a place's to choose from.
import { api, get } from './http.js';

/**
 * An insight as it reads now, with the version a revision must send back as If-Match (the read's
 * ETag, as the server numbers it); null while it is not known.
 */
export async function insightNow(insightId) {
  const answer = await api('/api/insights/' + encodeURIComponent(insightId), { allow: [404] });
  if (answer.status === 404) return null;
  return { ...answer.body, version: answer.etag };
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
