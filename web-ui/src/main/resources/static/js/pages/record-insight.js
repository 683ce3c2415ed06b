import { frame } from '../frame.js';
import { mayWriteFor } from '../session.js';
import { api, newKey } from '../http.js';
import { el, $, params } from '../dom.js';
import { say, refuse, showFailure } from '../notices.js';
import { placeName, framework } from '../programme.js';
import { LAYERS, SPHERES } from '../vocabulary.js';
import { checkboxGroup, radioGroup, selectOptions, checkedValues, value, onSubmit } from '../forms.js';

async function main() {
  const member = await frame();
  const status = $('#status');
  const placeId = params().get('place');
  const form = $('#insight-form');
  if (!placeId) {
    refuse(status, 'Choose your place first, from the home page.');
    return;
  }
  const name = await placeName(member.programmeId, placeId);
  $('#for-place').textContent = 'For ' + name + '. Anything you noticed is worth writing down: learning does not happen on a schedule.';
  if (!mayWriteFor(member, placeId)) {
    refuse(status, 'You can record insights only for your own place, and ' + name + ' is not one of your places.');
    $('#for-place').textContent = '';
    return;
  }
  let tags;
  try {
    tags = await framework(member.programmeId);
  } catch (failure) {
    showFailure(status, failure);
    return;
  }
  radioGroup($('#layer-choices'), { name: 'layer', options: Object.entries(LAYERS).map(([v, label]) => ({ value: v, label })), checked: 'PLACE_NETWORK' });
  radioGroup($('#sphere-choices'), { name: 'sphere', options: [{ value: '', label: 'Not sure, or does not apply' },
    ...Object.entries(SPHERES).map(([v, label]) => ({ value: v, label }))], checked: '' });
  checkboxGroup($('#principle-choices'), { name: 'principles', options: tags.principles.map((v) => ({ value: v, label: v })) });
  checkboxGroup($('#theme-choices'), { name: 'themes', options: tags.themes.map((v) => ({ value: v, label: v })) });
  selectOptions($('#source'), tags.sources.map((v) => ({ value: v, label: v })), { blank: 'Not said' });
  form.hidden = false;

  onSubmit(form, async () => {
    const quote = value(form, 'quote');
    const speaker = value(form, 'speaker');
    const consent = form.elements.consent.checked;
    let evidence;
    if (quote || speaker || consent) {
      let personId;
      if (speaker && consent && quote) {
        // The person who said it is registered (their name is personal data, erasable on request).
        const registered = await api('/api/programmes/' + encodeURIComponent(member.programmeId) + '/people', {
          method: 'POST', headers: { 'Idempotency-Key': newKey() },
          body: { placeId, role: 'PLACE_MEMBER', name: speaker, mayBeQuoted: true } });
        personId = registered.body.personId;
      } else if (speaker) {
        personId = 'not-registered'; // the server then names only what is missing (quote or agreement)
      }
      evidence = { personId, quote, consent };
    }
    const body = {
      text: value(form, 'text'),
      unintended: form.elements.unintended.checked,
      layer: form.querySelector('input[name="layer"]:checked')?.value,
      sphere: form.querySelector('input[name="sphere"]:checked')?.value || undefined,
      principles: checkedValues(form, 'principles'),
      themes: checkedValues(form, 'themes'),
      source: value(form, 'source'),
      evidence,
      happenedOn: value(form, 'happenedOn'),
     
    };
    const answer = await api('/api/places/' + encodeURIComponent(placeId) + '/insights', {
      method: 'POST', body, headers: { 'Idempotency-Key': newKey() } });
    say(status, 'Saved. Taking you to the journey…', 'success');
    location.assign('/journey.html?place=' + encodeURIComponent(placeId) + '&recorded=' + encodeURIComponent(answer.body.insightId));
  }, { aliases: { name: 'evidence.personId', 'evidence.personId': 'evidence.personId' } });
}

main();
