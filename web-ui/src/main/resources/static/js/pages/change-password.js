import { frame } from '../frame.js';
import { api } from '../http.js';
import { $ } from '../dom.js';
import { say } from '../notices.js';
import { onSubmit, value } from '../forms.js';

async function main() {
  await frame();
  const form = $('#password-form');
  form.hidden = false;
  onSubmit(form, async () => {
    await api('/api/me/password-changes', { method: 'POST',
      body: { currentPassword: value(form, 'currentPassword'), newPassword: value(form, 'newPassword') } });
    form.reset();
    say($('#status'), 'Your password is changed. Use the new one from now on.', 'success');
  }, { messages: { 409: 'Your password is not kept by Learning Log; change it where your account is managed.' } });
}

main();
