// A tiny element builder. Text goes in through text nodes only; the one way to insert HTML
// is setServerHtml, kept for the server's title_html and snippet (escaped there, <mark> only).

/// el('a', {href: '#', class: 'x', onclick: fn}, 'text', child, …)
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, String(v));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

/// Sets HTML produced by the server (title_html, snippet). As a second guard, anything
/// other than text and <mark> is dropped to its text.
export function setServerHtml(node, html) {
  const tpl = document.createElement('template');
  tpl.innerHTML = html || '';
  for (const e of [...tpl.content.querySelectorAll('*')]) {
    if (e.tagName !== 'MARK' || e.attributes.length) e.replaceWith(document.createTextNode(e.textContent));
  }
  node.replaceChildren(tpl.content);
  return node;
}

/// Replaces a container's children, keeping keyboard focus on the element with the same id.
export function replaceKeepingFocus(container, ...children) {
  const active = document.activeElement;
  const id = active && container.contains(active) ? active.id : '';
  container.replaceChildren(...children.flat().filter(Boolean));
  if (id) document.getElementById(id)?.focus({ preventScroll: true });
}

/// "1998–2023" from a hit's or record's years.
export function yearSpan(rec) {
  let from = rec.year, to = rec.end_year;
  if (from == null && rec.years && rec.years.length) {
    from = Math.min(...rec.years);
    to = Math.max(...rec.years);
  }
  if (from == null) return '';
  return to != null && to !== from ? `${from}–${to}` : String(from);
}
