import { frame } from '../frame.js';
import { mayWriteFor } from '../session.js';
import { api, newKey } from '../http.js';
import { $, params } from '../dom.js';
import { say, refuse, showFailure } from '../notices.js';
import { framework } from '../programme.js';
import { insightNow } from '../insights.js';
import { LAYERS, SPHERES } from '../vocabulary.js';
import { checkboxGroup, radioGroup, selectOptions, checkedValues, value, onSubmit } from '../forms.js';

async function main() {
  const member = await frame();
  const status = $('#status');
  const query = params();
  const placeId = query.get('place');
  const insightId = query.get('insight');
  const decision = query.get('decision');
  const form = $('#revise-form');
  if (!placeId || !insightId) {
    refuse(status, 'Open this page from an insight in a journey or an audit trail.');
    return;
  }
  if (!mayWriteFor(member, placeId)) {
    refuse(status, 'You can revise insights only for your own place.');
    return;
  }
  let insight;
  let tags;
  try {
    [insight, tags] = await Promise.all([insightNow(insightId), framework(member.programmeId)]);
  } catch (failure) {
    showFailure(status, failure);
    return;
  }
  if (!insight) {
    refuse(status, 'We could not find this insight.');
    return;
  }
  if (insight.retracted) {
    refuse(status, 'This insight was withdrawn; it cannot be revised.');
    return;
  }
  form.elements.text.value = insight.text;
  radioGroup($('#layer-choices'), { name: 'layer', options: Object.entries(LAYERS).map(([v, label]) => ({ value: v, label })), checked: insight.layer });
  radioGroup($('#sphere-choices'), { name: 'sphere', options: [{ value: '', label: 'Not sure, or does not apply' },
    ...Object.entries(SPHERES).map(([v, label]) => ({ value: v, label }))], checked: insight.sphere || '' });
  const known = (list, chosen) => [...new Set([...list, ...(chosen || [])])].map((v) => ({ value: v, label: v }));
  checkboxGroup($('#principle-choices'), { name: 'principles', options: known(tags.principles, insight.principles), checked: insight.principles || [] });
  checkboxGroup($('#theme-choices'), { name: 'themes', options: known(tags.themes, insight.themes), checked: insight.themes || [] });
  selectOptions($('#source'), known(tags.sources, insight.source ? [insight.source] : []), { blank: 'Not said', selected: insight.source || '' });
  form.hidden = false;

  onSubmit(form, async () => {
    // Sent whole, as a merge patch: what the member cleared goes as null, so it is cleared and not kept.
    const body = {
      text: value(form, 'text'),
      layer: form.querySelector('input[name="layer"]:checked')?.value,
      sphere: form.querySelector('input[name="sphere"]:checked')?.value || null,
      principles: checkedValues(form, 'principles'),
      themes: checkedValues(form, 'themes'),
      source: value(form, 'source') || null,
      reason: value(form, 'reason'),
      happenedOn: value(form, 'happenedOn'),
    };
    const answer = await api('/api/insights/' + encodeURIComponent(insightId), {
      method: 'PATCH', body, headers: { 'If-Match': insight.version, 'Idempotency-Key': newKey() } });
    say(status, 'Saved.', 'success');
    const version = encodeURIComponent(answer.body.version);
    location.assign(decision
      ? '/audit.html?decision=' + encodeURIComponent(decision) + '&revised=' + encodeURIComponent(insightId) + '&v=' + version
      : '/journey.html?place=' + encodeURIComponent(placeId) + '&revised=' + encodeURIComponent(insightId) + '&v=' + version);
  });
}

main();
