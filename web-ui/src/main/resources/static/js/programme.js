// What the pages read about the programme once per page: its places and its learning framework.
import { get } from './http.js';

let placesPromise = null;

/** The programme's places, as [{placeId, name}], sorted by name. */
export function places(programmeId) {
  if (!placesPromise) {
    placesPromise = get('/api/places?programmeId=' + encodeURIComponent(programmeId))
      .then((list) => (list || []).slice().sort((a, b) => a.name.localeCompare(b.name)));
  }
  return placesPromise;
}

export async function placeName(programmeId, placeId) {
  if (placeId === 'PROGRAMME') return 'the programme';
  const list = await places(programmeId).catch(() => []);
  const found = list.find((place) => place.placeId === placeId);
  return found ? found.name : 'another place';
}

let frameworkPromise = null;

/** The programme's learning framework: {principles, themes, sources}. */
export function framework(programmeId) {
  if (!frameworkPromise) {
    frameworkPromise = get('/api/programmes/' + encodeURIComponent(programmeId) + '/framework');
  }
  return frameworkPromise;
}
