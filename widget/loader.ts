// The embed loader: a launcher button in a shadow root. Tiny on purpose; the chat app loads on demand.
const script = document.currentScript as HTMLScriptElement | null;
const host = document.createElement('div');
host.setAttribute('data-baton', '');
const root = host.attachShadow({ mode: 'open' });
const button = document.createElement('button');
button.type = 'button';
button.setAttribute('aria-label', 'Open chat');
button.textContent = '💬';
root.append(button);
if (script?.dataset.siteKey) document.body.append(host);
