// The explorer works without this file; with it, "Copy citation" buttons copy the citation and its link.
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const status = document.getElementById('status');
  const lang = document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';
  const copied = lang === 'zh' ? '已复制引用' : 'Citation copied';
  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Without the clipboard API (an insecure origin, a refused permission): a selected text area and the copy command.
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      const ok = document.execCommand('copy');
      area.remove();
      return ok;
    }
  }
  for (const button of document.querySelectorAll('button.copy[data-citation]')) {
    button.hidden = false;
    const label = button.textContent;
    button.addEventListener('click', async () => {
      const ok = await copy(button.dataset.citation);
      button.textContent = ok ? '✓ ' + copied : label;
      button.dataset.copied = ok ? 'true' : 'false';
      if (status) status.textContent = ok ? copied : '';
      setTimeout(() => { button.textContent = label; }, 4000);
    });
  }
});
