import { frame } from '../frame.js';
import { get } from '../http.js';
import { el, svg, clear, $ } from '../dom.js';
import { showFailure } from '../notices.js';
import { formatInstant } from '../format.js';

async function main() {
  const member = await frame();
  let flow;
  try {
    flow = await get('/api/programmes/' + encodeURIComponent(member.programmeId) + '/flow');
  } catch (failure) { showFailure($('#status'), failure); return; }
  const figure = clear($('#network'));
  const nodes = flow.nodes;
  const size = 520;
  const centre = size / 2;
  const radius = 190;
  const at = new Map();
  nodes.forEach((node, index) => {
    const angle = (2 * Math.PI * index) / nodes.length - Math.PI / 2;
    at.set(node.placeId, { x: centre + radius * Math.cos(angle), y: centre + radius * Math.sin(angle), node });
  });
  const name = (id) => (at.get(id) ? at.get(id).node.name : 'another place');
  const edges = flow.edges.filter((edge) => at.has(edge.from) && at.has(edge.to));
  const total = edges.reduce((sum, edge) => sum + edge.count, 0);
  const summary = nodes.length + ' places; ' + edges.length + ' links carrying ' + total + ' pieces of learning. The same links are listed in words below.';
  const picture = svg('svg', { viewBox: '0 0 ' + size + ' ' + size, role: 'img', 'aria-labelledby': 'flow-title flow-desc' },
    svg('title', { id: 'flow-title', text: 'Learning flow between places' }),
    svg('desc', { id: 'flow-desc', text: summary }),
    svg('defs', {}, svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 12, markerHeight: 12, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse' },
      svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', fill: '#4a5563' }))));
  for (const edge of edges) {
    const from = at.get(edge.from);
    const to = at.get(edge.to);
    const dx = to.x - from.x;
    const dy = to.y - from.y;
    const length = Math.hypot(dx, dy) || 1;
    const shrink = 30;
    const bend = edge.kind === 'adopted' ? -30 : 30;
    const x1 = from.x + (dx * shrink) / length;
    const y1 = from.y + (dy * shrink) / length;
    const x2 = to.x - (dx * shrink) / length;
    const y2 = to.y - (dy * shrink) / length;
    const mx = (x1 + x2) / 2 - (dy / length) * bend;
    const my = (y1 + y2) / 2 + (dx / length) * bend;
    picture.append(svg('path', { d: 'M ' + x1 + ' ' + y1 + ' Q ' + mx + ' ' + my + ' ' + x2 + ' ' + y2,
      class: 'edge ' + edge.kind, 'stroke-width': Math.min(8, 1.5 + edge.count * 1.5), 'marker-end': 'url(#arrow)' }));
  }
  for (const { x, y, node } of at.values()) {
    const r = 14 + Math.min(14, (node.shared + node.received + node.adopted + node.takenUp) * 1.5);
    picture.append(svg('g', { class: 'node' + (node.placeId === 'PROGRAMME' ? ' programme' : '') },
      svg('circle', { cx: x, cy: y, r: Math.min(r, 26) }),
      svg('text', { x, y: y + (y > centre ? 42 : -32), 'text-anchor': 'middle', text: node.name })));
  }
  figure.append(picture, el('figcaption', {}, 'Solid arrows: learning shared with a place. Dashed arrows: learning one place took up from another. ' + summary));

  const list = clear($('#flow-list'));
  if (!edges.length) list.append(el('li', {}, 'No learning has travelled between places yet.'));
  for (const edge of edges.slice().sort((a, b) => b.count - a.count)) {
    list.append(el('li', {}, edge.kind === 'adopted'
      ? name(edge.to) + ' took up learning from ' + name(edge.from)
      : name(edge.from) + ' shared learning with ' + name(edge.to),
    ': ' + edge.count + (edge.count === 1 ? ' time' : ' times') + ', last on ' + formatInstant(edge.last) + '.'));
  }
  for (const node of nodes) {
    list.append(el('li', {}, node.name + ': shared ' + node.shared + ', received ' + node.received + ', took up ' + node.adopted
      + ', its learning taken up elsewhere ' + node.takenUp + '.'));
  }
}

main();
