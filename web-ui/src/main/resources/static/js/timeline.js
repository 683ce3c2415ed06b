// One line of a timeline (a place's journey or the programme's), with links to what it is about.
import { mayWriteFor } from './session.js';
import { el } from './dom.js';
import { formatDay, recordedAfter } from './format.js';
import { kindName } from './vocabulary.js';

export function kindClass(kind) {
  if (kind.startsWith('insight')) return 'k-insight';
  if (kind.startsWith('practice')) return 'k-practice';
  if (kind === 'outcome-reviewed') return 'k-review';
  if (kind.includes('learning') || kind.startsWith('shared')) return 'k-sharing';
  return 'k-other';
}

function links(item, member) {
  const list = [];
  const id = encodeURIComponent(item.subjectId);
  const place = encodeURIComponent(item.placeId || '');
  switch (item.kind) {
    case 'insight-recorded':
    case 'insight-revised':
      if (member && mayWriteFor(member, item.placeId)) {
        list.push(el('a', { href: '/revise-insight.html?place=' + place + '&insight=' + id }, 'Revise this insight'));
      }
      break;
    case 'practice-adopted':
      list.push(el('a', { href: '/practice.html?practice=' + id }, 'Practice history'));
      list.push(el('a', { href: '/audit.html?decision=' + id }, 'Why it was decided'));
      break;
    case 'practice-adapted':
      list.push(el('a', { href: '/practice.html?practice=' + id }, 'Practice history'));
      if (item.refs && item.refs[0]) list.push(el('a', { href: '/audit.html?decision=' + encodeURIComponent(item.refs[0]) }, 'Why it was decided'));
      break;
    case 'practice-retired':
      list.push(el('a', { href: '/practice.html?practice=' + id }, 'Practice history'));
      break;
    case 'outcome-reviewed':
      list.push(el('a', { href: '/audit.html?decision=' + id }, 'The decision reviewed'));
      break;
    case 'learning-shared':
      list.push(el('a', { href: '/adopt-shared.html?shared=' + id }, 'Take it up'));
      break;
    default:
      break;
  }
  return list.length ? el('ul', { class: 'entry-links' }, list.map((link) => el('li', {}, link))) : null;
}

/** A timeline entry; placeName, if given, names the place (for timelines across places). */
export function entry(item, { member, placeName } = {}) {
  const when = item.date ? formatDay(item.date) : '';
  return el('li', { class: kindClass(item.kind), dataset: { kind: item.kind, subject: item.subjectId || '' } },
    el('p', { class: 'when' }, el('span', { class: 'kind-label' }, kindName(item.kind)), ' · ', when,
      placeName ? ' · ' + placeName : '',
      // a line recorded more than 30 days after it happened says so (the server decides: item.late)
      item.late && item.date ? el('span', { class: 'late-mark' }, ' · ' + recordedAfter(item.date, item.recordedAt)) : null),
    el('p', { class: 'what' }, item.summary || ''),
    tagList(item),
    links(item, member));
}

/** An item's principles, themes and source as a list of tags; null when it has none. */
export function tagList(item) {
  const tags = [...(item.principles || []), ...(item.themes || [])];
  if (item.source) tags.push(item.source);
  if (!tags.length) return null;
  return el('ul', { class: 'tags', 'aria-label': 'Tags' }, tags.map((tag) => el('li', {}, tag)));
}
