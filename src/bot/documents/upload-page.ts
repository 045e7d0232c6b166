import { randomBytes } from 'node:crypto';
import { DIRECTION_WORDS, formatDate, formatSize } from '../../cards/card-text';
import type { CorrespondenceFacts } from './attach-file';
import { ALLOWED_TYPE_WORDS } from '../../files/file-checks';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/**
 * The page behind an "Add a file" link: the case, what the person said the file is, and a
 * file input. The browser sends the file's bytes as they are (no multipart) with its name in
 * a header, to the same address; the answer says what was attached, or why not. The script is
 * allowed by a nonce and nothing else may run (Content-Security-Policy in the route).
 */
export function uploadPage(input: { reference: string; facts: CorrespondenceFacts; maxBytes: number }): { html: string; nonce: string } {
  const nonce = randomBytes(16).toString('base64');
  const { reference, facts } = input;
  const html = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Add a file to ${escape(reference)}</title>
<style nonce="${nonce}">
body{font-family:"Segoe UI",system-ui,sans-serif;margin:0;background:#f5f5f5;color:#242424}
main{max-width:34rem;margin:2rem auto;background:#fff;padding:1.5rem 1.75rem;border-radius:8px;box-shadow:0 1px 3px rgba(0,0,0,.15)}
h1{font-size:1.3rem;margin:0 0 .75rem} dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem;margin:0 0 1.25rem}
dt{color:#616161} dd{margin:0} .hint{color:#616161;font-size:.9rem}
input[type=file]{display:block;margin:.5rem 0 1rem;font-size:1rem}
button{background:#5b5fc7;color:#fff;border:0;border-radius:4px;padding:.55rem 1.2rem;font-size:1rem;cursor:pointer} button:disabled{background:#bdbdbd}
#result{margin-top:1rem;padding:.75rem 1rem;border-radius:4px;display:none} #result.good{display:block;background:#e7f2da} #result.bad{display:block;background:#fde7e9}
</style></head>
<body><main>
<h1>Add a file to ${escape(reference)}</h1>
<dl><dt>Dated</dt><dd>${escape(formatDate(facts.dated))}</dd><dt>Which way</dt><dd>${escape(DIRECTION_WORDS[facts.direction])}</dd><dt>What it is</dt><dd>${escape(facts.description)}</dd></dl>
<form id="form"><label for="file"><strong>Choose the file</strong></label>
<input id="file" name="file" type="file" required>
<p class="hint">${escape(ALLOWED_TYPE_WORDS)}, up to ${escape(formatSize(input.maxBytes))}. Its SHA-256 fingerprint is kept in the case's history, so anyone can later check it has not changed.</p>
<button id="send" type="submit">Attach to ${escape(reference)}</button></form>
<div id="result" role="status" aria-live="polite"></div>
</main>
<script nonce="${nonce}">
const form = document.getElementById('form'), input = document.getElementById('file'), button = document.getElementById('send'), result = document.getElementById('result');
function show(ok, text) { result.className = ok ? 'good' : 'bad'; result.textContent = text; }
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  const file = input.files[0];
  if (!file) return;
  if (file.size > ${input.maxBytes}) { show(false, 'This file is ' + (file.size / 1048576).toFixed(1) + ' MB; files can be at most ${escape(formatSize(input.maxBytes))}. Nothing was sent.'); return; }
  button.disabled = true; show(true, 'Sending ' + file.name + '...');
  try {
    const res = await fetch(location.href, { method: 'POST', headers: { 'Content-Type': file.type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(file.name) }, body: file });
    const body = await res.json();
    show(res.ok, body.message);
    if (res.ok) { form.remove(); } else if (res.status !== 410) { button.disabled = false; }
  } catch (err) { show(false, 'The file could not be sent. Check your connection and try again.'); button.disabled = false; }
});
</script></body></html>`;
  return { html, nonce };
}
