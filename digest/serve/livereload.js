// digest serve: live reload. The server inserts this script into the HTML it serves;
// it is never written into the output folder.
//
// Each event from /__digest__/events says which build the site is at and whether only
// stylesheets changed. The page then swaps its stylesheet, patches itself in place from
// the new HTML (keeping scroll position and page state), or reloads when its <head>
// changed. A page whose story vanished goes to its topic page, else the front page.
// A failed build shows its problems in an overlay until a build succeeds.
(() => {
  "use strict";
  const script = document.currentScript;
  const session = script.dataset.session;
  let pageBuild = Number(script.dataset.build);
  let pageStatus = Number(script.dataset.status);
  const OVERLAY_ID = "__digest_overlay";
  const OWN = new Set([OVERLAY_ID, script.id]);
  // Head elements whose content follows the page's text; they are patched, not reloaded.
  const VOLATILE = 'meta[name="description"], meta[property^="og:"], meta[name^="twitter:"],'
    + ' link[rel="canonical"], script[type="application/ld+json"]';
  const STYLESHEET = 'link[rel="stylesheet"]';
  let topicUrl = readTopic(document);
  let queue = Promise.resolve();

  function readTopic(doc) {
    const link = doc.querySelector(".digest-kicker a[href]");
    return link ? new URL(link.getAttribute("href"), location.href).href : null;
  }

  // The page's path tells the server which pages are open: those are built first.
  const events = new EventSource(`/__digest__/events?page=${encodeURIComponent(location.pathname)}`);
  events.onmessage = (message) => {
    const state = JSON.parse(message.data);
    queue = queue.then(() => apply(state)).catch((error) => {
      console.error("digest serve:", error);
      reload("an update failed");
    });
  };

  async function apply(state) {
    if (state.session !== session) {
      reload("the server restarted");  // its build numbers start again
      return;
    }
    if (state.error) showOverlay(state.error);
    else hideOverlay();
    if (state.site_build > pageBuild) {
      const cssOnly = state.css_only && state.previous === pageBuild;
      pageBuild = state.site_build;
      await update(cssOnly);
    }
  }

  async function update(cssOnly) {
    const response = await fetch(location.href, { cache: "no-store" });
    if (response.status === 404 && pageStatus !== 404) {
      await leave();
      return;
    }
    const doc = new DOMParser().parseFromString(await response.text(), "text/html");
    if (cssOnly) {
      swapStylesheets(doc);
      return;
    }
    if (headKey(document) !== headKey(doc)) {
      reload("the page's <head> changed");
      return;
    }
    const [x, y] = [window.scrollX, window.scrollY];
    document.title = doc.title;
    document.head.querySelectorAll(VOLATILE).forEach((el) => el.remove());
    doc.head.querySelectorAll(VOLATILE).forEach((el) => document.head.append(document.importNode(el, true)));
    swapStylesheets(doc);
    morphChildren(document.body, doc.body);
    window.scrollTo(x, y);
    pageStatus = response.status;
    topicUrl = readTopic(document) || topicUrl;
  }

  // The head without what a patch can update: anything else changing needs a reload.
  // (A patch moves the volatile elements to the end of the head: their places do not count.)
  function headKey(doc) {
    return Array.from(doc.head.children)
      .filter((el) => !el.dataset.digestLeaving && !el.matches(`title, ${VOLATILE}`))
      .map((el) => (el.matches(STYLESHEET) ? "<stylesheet>" : el.outerHTML))
      .join("\n");
  }

  // Asset names carry a content hash, so a changed stylesheet is a new href.
  function swapStylesheets(doc) {
    // A sheet still loading from the last swap has an old one leaving: count it once.
    const olds = Array.from(document.head.querySelectorAll(STYLESHEET))
      .filter((el) => !el.dataset.digestLeaving);
    const news = Array.from(doc.head.querySelectorAll(STYLESHEET));
    if (olds.length !== news.length) {
      reload("the page's stylesheets changed");
      return;
    }
    olds.forEach((old, i) => {
      const fresh = news[i].getAttribute("href");
      // The preview keeps asset names stable, so the same name may hold new bytes.
      const href = fresh === old.getAttribute("href").split("?")[0]
        ? `${fresh}?v=${pageBuild}` : fresh;
      if (old.getAttribute("href") === href) return;
      const link = old.cloneNode();
      link.setAttribute("href", href);
      // Keep the old sheet until the new one has loaded: no flash of unstyled page.
      old.dataset.digestLeaving = "1";
      link.addEventListener("load", () => old.remove());
      link.addEventListener("error", () => old.remove());
      old.after(link);
    });
  }

  function isOwn(node) {
    return node.nodeType === Node.ELEMENT_NODE && OWN.has(node.id);
  }

  function morphChildren(oldParent, newParent) {
    const olds = Array.from(oldParent.childNodes).filter((n) => !isOwn(n));
    const news = Array.from(newParent.childNodes).filter((n) => !isOwn(n));
    news.forEach((fresh, i) => {
      const old = olds[i];
      if (!old) oldParent.append(document.importNode(fresh, true));
      else if (!sameKind(old, fresh)) old.replaceWith(document.importNode(fresh, true));
      else morphNode(old, fresh);
    });
    olds.slice(news.length).forEach((n) => n.remove());
  }

  function sameKind(a, b) {
    if (a.nodeType !== b.nodeType || a.nodeName !== b.nodeName) return false;
    return a.nodeType !== Node.ELEMENT_NODE || (a.id === b.id && a.nodeName !== "SCRIPT");
  }

  function morphNode(old, fresh) {
    if (old.nodeType !== Node.ELEMENT_NODE) {
      if (old.nodeValue !== fresh.nodeValue) old.nodeValue = fresh.nodeValue;
      return;
    }
    for (const { name } of Array.from(old.attributes)) {
      if (!fresh.hasAttribute(name)) old.removeAttribute(name);
    }
    for (const { name, value } of Array.from(fresh.attributes)) {
      if (old.getAttribute(name) !== value) old.setAttribute(name, value);
    }
    morphChildren(old, fresh);
  }

  // The page's story moved or vanished: its topic page, else the front page.
  async function leave() {
    const here = location.href.split("#")[0];
    for (const target of [topicUrl, new URL("/", location.href).href]) {
      if (!target || target === here) continue;
      const response = await fetch(target, { method: "HEAD", cache: "no-store" });
      if (response.ok) {
        location.replace(target);
        return;
      }
    }
    reload("the page is gone and so are its topic and front pages");
  }

  function reload(why) {
    console.info(`digest serve: reloading: ${why}`);
    location.reload();
  }

  function showOverlay(errors) {
    let box = document.getElementById(OVERLAY_ID);
    if (!box) {
      box = document.createElement("div");
      box.id = OVERLAY_ID;
      box.setAttribute("role", "alert");
      box.style.cssText = "position:fixed;inset:1rem 1rem auto 1rem;max-height:calc(100vh - 2rem);"
        + "overflow:auto;z-index:2147483647;background:#1d1d1f;color:#f5f5f7;padding:1rem 1.25rem;"
        + "border-left:6px solid #e5484d;border-radius:6px;font:14px/1.5 ui-monospace,monospace;"
        + "box-shadow:0 8px 32px rgba(0,0,0,.4);text-align:left";
      document.body.append(box);
    }
    const title = document.createElement("strong");
    title.textContent = `Build failed: ${errors.length} problem${errors.length === 1 ? "" : "s"}`
      + " (the page shows the last good build)";
    const close = document.createElement("button");
    close.textContent = "Dismiss";
    close.style.cssText = "float:right;font:inherit";
    close.addEventListener("click", () => box.remove());
    const list = document.createElement("ul");
    list.style.cssText = "margin:.75rem 0 0;padding:0;list-style:none";
    for (const error of errors) {
      const item = document.createElement("li");
      item.className = "digest-build-error";
      item.style.cssText = "white-space:pre-wrap;margin:.5rem 0";
      const where = error.line ? `${error.file}:${error.line}` : error.file;
      item.textContent = (where ? `${where}: ` : "") + error.message +
        (error.hint ? `\n    hint: ${error.hint}` : "");
      list.append(item);
    }
    box.replaceChildren(close, title, list);
  }

  function hideOverlay() {
    const box = document.getElementById(OVERLAY_ID);
    if (box) box.remove();
  }
})();
