// The review page works without this file: each candidate is a form that posts, and the validator's errors come
// back at their fields. With it, the validator's verdict is shown as the fields change (it writes nothing), the
// chosen metric's names are shown under its field, and a suggested metric is taken with one button.
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const metricNames = new Map([...document.querySelectorAll('#metric-codes option')].map(o => [o.value, o.textContent]));

  for (const form of document.querySelectorAll('form.review[data-verdict]')) {
    const verdict = form.querySelector('.verdict');
    let timer = 0;
    let asked = 0;

    function show(answer) {
      for (const p of form.querySelectorAll('.field-error')) p.textContent = '';
      for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
      const elsewhere = [];
      for (const e of answer.errors || []) {
        const p = e.field && e.atField ? form.querySelector(`.field-error[data-field="${CSS.escape(e.field)}"]`) : null;
        if (p) {
          p.textContent = p.textContent ? `${p.textContent} ${e.message}` : e.message;
          form.elements.namedItem(e.field)?.setAttribute('aria-invalid', 'true');
          if (p.closest('details')) p.closest('details').open = true;
        } else {
          elsewhere.push(e.text);
        }
      }
      const summary = document.createElement('p');
      summary.textContent = answer.summary;
      const list = document.createElement('ul');
      list.lang = 'en'; // the validator's words
      for (const text of elsewhere) list.appendChild(document.createElement('li')).textContent = text;
      verdict.replaceChildren(summary, ...(elsewhere.length ? [list] : []));
      verdict.dataset.state = answer.ok ? 'ok' : 'refused';
    }

    async function check() {
      const mine = ++asked;
      try {
        const response = await fetch(form.dataset.verdict, { method: 'POST', body: new FormData(form), headers: { Accept: 'application/json' } });
        const answer = await response.json();
        if (mine === asked) show(answer); // else a newer check is under way
      } catch {
        // No verdict (the server stopped): the form still posts, and the answer shows the errors.
      }
    }

    let sent = false;
    const later = () => { clearTimeout(timer); if (!sent) timer = setTimeout(check, 300); };
    // Once the form is sent, the candidate leaves the draft: no verdict is asked for it any more.
    form.addEventListener('submit', () => { sent = true; clearTimeout(timer); });
    form.addEventListener('input', later);
    form.addEventListener('change', later);
    // The first time a field of a candidate is worked on, say at once what the validator thinks of it as drafted
    // (not for its buttons: a candidate rejected at once needs no verdict).
    form.addEventListener('focusin', e => { if (asked === 0 && !sent && e.target.matches('input, select, textarea')) check(); });

    const metric = form.elements.namedItem('metric');
    const name = metric && document.getElementById(`${metric.id}-name`);
    if (metric && name) metric.addEventListener('input', () => { name.textContent = metricNames.get(metric.value.trim()) || ''; });
  }

  for (const button of document.querySelectorAll('button.use[data-metric]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const field = document.getElementById(button.dataset.field);
      if (!field) return;
      field.value = button.dataset.metric;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      field.focus();
    });
  }
});
