// A hostile frame: posts a callback-shaped "succeeded" message for `?flowId=` to the page that
// embeds it, to any origin, as a forger on another origin would.
const flowId = new URLSearchParams(location.search).get('flowId') ?? '';
window.parent.postMessage({ source: 'plugboard', flowId, status: 'succeeded' }, '*');
document.querySelector('#status')!.textContent = 'sent';
