// Building the page from data without ever parsing data as HTML: elements are created one by
// one and every piece of text goes in as a text node. Article text is untrusted.

/**
 * h('a', { href: '#/x', class: 'link' }, 'text', child, [more children]) → an element.
 * Attributes named on* take a function (listener); null/false values are left out.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key === 'href') el.setAttribute('href', safeHref(value));
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of [children].flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Only in-page routes and http(s) links: a `javascript:` URL from an article never becomes a link. */
export function safeHref(value) {
  const s = String(value);
  if (s.startsWith('#')) return s;
  try {
    const url = new URL(s, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '#';
  } catch {
    return '#';
  }
}

export function clear(el) {
  el.replaceChildren();
  return el;
}

/** Calls fn at most once per `ms` of quiet (slider moves, typing). */
export function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
