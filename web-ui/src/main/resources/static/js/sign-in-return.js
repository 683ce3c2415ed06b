// The trip to the sign-in page and back: the server leads to the home page after signing in, and
// the home page sends the member on to the page that asked for it.

const AFTER_SIGN_IN = 'learning-log-after-sign-in';

/** Leaves for the sign-in page, remembering this page to come back to. */
export function leadToSignIn() {
  const back = location.pathname + location.search;
  try { if (back && back !== '/') sessionStorage.setItem(AFTER_SIGN_IN, back); } catch (unavailable) { /* fine */ }
  location.assign('/sign-in');
}

/** On the home page just after signing in: goes back to the page that asked for it. */
export function returnAfterSignIn() {
  let back = null;
  try {
    back = sessionStorage.getItem(AFTER_SIGN_IN);
    sessionStorage.removeItem(AFTER_SIGN_IN);
  } catch (unavailable) { /* fine */ }
  if (back && back.startsWith('/') && !back.startsWith('//') && !back.startsWith('/sign-in')) {
    location.replace(back);
    return true;
  }
  return false;
}
