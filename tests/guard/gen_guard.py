"""Writes the reply coach and delete guard pages: each platform's thread (built with the reader
fixtures' generators, so the readers read them as they read those) plus what the person uses to
answer and to moderate — X's Draft.js reply box, `#layers` dropdown and confirmation sheet;
Facebook's Lexical reply box, portal `[role=menu]` and confirm dialog; LinkedIn v1's Quill box and
artdeco dropdown, v2's TipTap box and menu — in English and in French.

Each page's own script performs the deletion when its menu item (and its confirmation, when the
platform asks for one) is clicked: the comment leaves the page and its id goes into
`window.__deleted` and `<body data-deleted>`, so a test can tell whether anything was deleted.
The sidecar's `guard` block tells the end-to-end test (xtask/src/e2e/guard.rs) what to type and
click. Names, texts and ids are invented.

    cd tests/guard && python3 gen_guard.py
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "fixtures"))

import gen_facebook as fb  # noqa: E402
import gen_linkedin as li  # noqa: E402
import gen_x as gx  # noqa: E402
from fixturelib import CSP, NONCE, esc  # noqa: E402

# The page's side of moderation: open a menu by its button, act on an item, confirm, delete.
# `cfg` says where each platform puts its menu and what the menu and confirmation look like.
MENU_SCRIPT = """
(() => {
  const cfg = %s;
  window.__deleted = [];
  let menu = null;
  let target = null;
  let opener = null;
  // The sites keep the menu button's aria-expanded in step with the menu.
  const close = () => { menu?.remove(); menu = null; opener?.setAttribute("aria-expanded", "false"); opener = null; };
  const fromHtml = (html) => { const t = document.createElement("template"); t.innerHTML = html; return t.content.firstElementChild; };
  function remove(t) {
    t.el?.remove();
    window.__deleted.push(t.id);
    document.body.setAttribute("data-deleted", window.__deleted.join(" "));
  }
  function confirmThen(t) {
    const sheet = fromHtml(cfg.confirmHtml);
    (document.querySelector(cfg.layer) ?? document.body).append(sheet);
    sheet.querySelector(cfg.confirmButton).addEventListener("click", () => { sheet.remove(); remove(t); });
    sheet.querySelector(cfg.cancelButton)?.addEventListener("click", () => sheet.remove());
  }
  // A click anywhere else closes the menu, as the sites do.
  document.addEventListener("mousedown", (e) => {
    if (menu && !menu.contains(e.target) && !e.target.closest?.(cfg.menuButton)) close();
  });
  document.addEventListener("click", (e) => {
    const button = e.target.closest?.(cfg.menuButton);
    if (!button) return;
    close();
    target = { id: button.getAttribute("data-fixture-menu"), el: cfg.removeRoot ? button.closest(cfg.removeRoot) : null };
    menu = fromHtml(cfg.menuHtml);
    opener = button;
    button.setAttribute("aria-expanded", "true");
    const r = button.getBoundingClientRect();
    Object.assign(menu.style, { position: "fixed", top: (r.bottom + 2) + "px", left: Math.max(0, r.right - 220) + "px", width: "220px", zIndex: 1000 });
    const host = cfg.layer === "trigger" ? button.parentElement : (document.querySelector(cfg.layer) ?? document.body);
    host.append(menu);
    for (const item of menu.querySelectorAll(cfg.item)) {
      item.addEventListener("click", () => {
        const t = target;
        close();
        if (item.hasAttribute("data-confirm")) confirmThen(t);
        else if (item.hasAttribute("data-now")) remove(t);
      });
    }
  });
})();
"""

MENU_STYLE = "background: Canvas; color: CanvasText; border: 1px solid #888; border-radius: 8px; padding: 4px 0;"


def script(cfg):
    return f'<script nonce="{NONCE}">{MENU_SCRIPT % json.dumps(cfg, ensure_ascii=False)}</script>'


def write(name, html, url, platform, guard):
    HERE.mkdir(parents=True, exist_ok=True)
    (HERE / f"{name}.html").write_text(html, encoding="utf-8")
    sidecar = {"url": url, "csp": CSP[platform], "guard": guard}
    (HERE / f"{name}.expect.json").write_text(json.dumps(sidecar, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def with_menu_button(html, start_marker, before, button):
    """`button` just before the first `before` that follows `start_marker`."""
    start = html.index(start_marker)
    at = html.index(before, start)
    return html[:at] + button + html[at:]


# --------------------------------------------------------------------------------------------
# X

def x_editor_cell(ui, key):
    placeholder = "Post your reply" if ui == "en" else "Postez votre réponse"
    label = "Post text" if ui == "en" else "Texte du post"
    button = "Reply" if ui == "en" else "Répondre"
    return (
        '<div class="css-175oi2r r-1igl3o0"><div class="css-175oi2r r-18u37iz" style="padding: 8px 16px;">'
        '<div class="css-175oi2r r-1iusvr4 r-16y2uox"><div class="css-175oi2r" data-testid="tweetTextarea_0RichTextInputContainer">'
        '<div class="DraftEditor-root" style="position: relative; min-height: 24px;">'
        f'<div class="public-DraftEditorPlaceholder-root" style="position: absolute; color: rgb(83, 100, 113); pointer-events: none;">'
        f'<div class="public-DraftEditorPlaceholder-inner" id="placeholder-{key}">{placeholder}</div></div>'
        '<div class="DraftEditor-editorContainer"><div aria-activedescendant="" aria-autocomplete="list" '
        f'aria-describedby="placeholder-{key}" aria-label="{label}" aria-multiline="true" '
        'class="notranslate public-DraftEditor-content" contenteditable="true" data-testid="tweetTextarea_0" role="textbox" '
        'spellcheck="true" tabindex="0" style="outline: none; user-select: text; white-space: pre-wrap; overflow-wrap: break-word;">'
        f'<div data-contents="true"><div data-block="true" data-editor="{key}" data-offset-key="{key}-0-0">'
        f'<div data-offset-key="{key}-0-0" class="public-DraftStyleDefault-block public-DraftStyleDefault-ltr">'
        f'<span data-offset-key="{key}-0-0"><br data-text="true"></span></div></div></div></div></div></div></div></div>'
        f'<button type="button" data-testid="tweetButtonInline" disabled>{button}</button></div></div>'
    )


def x_page(ui):
    en = ui == "en"
    brand = "Trevano_Rail" if en else "TrevanoFR"
    post = "1861000000000000100" if en else "1861000000000000200"
    base = int(post)
    r = lambda *a, **k: gx.reply(*a, brand=brand, ui=ui, **k)  # noqa: E731
    focused = {
        "id": post, "name": "Trevano Rail", "handle": brand, "verified": True, "time": "2026-11-22T08:00:00.000Z",
        "ago": "Nov 22", "short": "Nov 22", "lang": ui,
        "text": ("Winter timetable starts on Sunday: more early trains on the coast line." if en
                 else "Les horaires d'hiver commencent dimanche : plus de trains tôt le matin sur la ligne côtière."),
    }
    complaint = r(str(base + 1), "Ruth Okafor", "ruthokafor",
                  ("My parcel 77120 was due last Friday and the tracking has not moved for six days. Nobody answers my emails." if en
                   else "Ma commande 55310 devait arriver vendredi et le suivi ne bouge plus depuis six jours. Personne ne répond à mes mails."),
                  minutes=5)
    spam = r(str(base + 2), "prize desk", "prizedesk",
             ("Win a free iPhone 16!!! Click www.free-prizes-now.biz and enter your card details to claim" if en
              else "Gagnez un iPhone gratuit !!! Cliquez sur www.cadeaux-gratuits.biz et entrez votre carte bancaire"),
             minutes=6)
    question = r(str(base + 3), "Tom Reyes", "tomreyes",
                 ("Does the winter offer also apply to orders placed in the app?" if en
                  else "Est-ce que l'offre d'hiver marche aussi pour les commandes passées dans l'appli ?"),
                 minutes=7)
    # The inline reply box opened under the complaint (its own cell, right after the reply's).
    original = gx.discover_cell
    gx.discover_cell = lambda _ui: x_editor_cell(ui, "c0mpl")
    try:
        items = [("focused", focused), ("post", complaint), ("editor", None), ("post", spam), ("post", question)]
        html = gx.page("Trevano Rail on X" if en else "Trevano Rail sur X", ui, items, brand)
    finally:
        gx.discover_cell = original
    for c in (complaint, spam, question):
        html = with_menu_button(html, f'/status/{c["id"]}"', 'data-testid="caret"', f'data-fixture-menu="{c["id"]}" ')
    delete, hide = ("Delete", "Hide reply") if en else ("Supprimer", "Masquer la réponse")
    pin = "Pin to your profile" if en else "Épingler sur votre profil"
    cancel = "Cancel" if en else "Annuler"
    title = "Delete post?" if en else "Supprimer le post ?"
    item = '<div role="menuitem" tabindex="0" class="css-175oi2r" style="padding: 8px 12px;" {flag}><div class="css-175oi2r"><span class="css-1jxf684">{text}</span></div></div>'
    cfg = {
        "menuButton": '[data-testid="caret"]',
        "layer": "#layers",
        "removeRoot": '[data-testid="cellInnerDiv"]',
        "item": '[role="menuitem"]',
        "menuHtml": (f'<div role="menu" class="css-175oi2r" style="{MENU_STYLE}"><div data-testid="Dropdown" class="css-175oi2r">'
                     + item.format(flag="data-confirm", text=delete) + item.format(flag="", text=pin)
                     + item.format(flag="data-now", text=hide) + "</div></div>"),
        "confirmHtml": (f'<div data-testid="confirmationSheetDialog" role="alertdialog" aria-modal="true" style="position: fixed; top: 30%; left: 35%; {MENU_STYLE} padding: 16px;">'
                        f'<h1>{title}</h1><button type="button" data-testid="confirmationSheetConfirm">{delete}</button>'
                        f'<button type="button" data-testid="confirmationSheetCancel">{cancel}</button></div>'),
        "confirmButton": '[data-testid="confirmationSheetConfirm"]',
        "cancelButton": '[data-testid="confirmationSheetCancel"]',
    }
    html = html.replace("</body>", f'<div id="layers" style="z-index: 1;"></div>{script(cfg)}\n</body>')
    draft = "We apologize for any inconvenience." if en else "Nous sommes désolés pour la gêne occasionnée."
    guard = {
        "platform": "x",
        "editor": '[data-testid="tweetTextarea_0"]',
        "draft": draft,
        "rule": "P10",
        "reason": "Answered in DM" if en else "Traité en message privé",
        "complaint": {"id": complaint["id"], "menu": f'[data-fixture-menu="{complaint["id"]}"]', "item": delete,
                      "confirm": '[data-testid="confirmationSheetConfirm"]'},
        "spam": {"id": spam["id"], "menu": f'[data-fixture-menu="{spam["id"]}"]', "item": delete,
                 "confirm": '[data-testid="confirmationSheetConfirm"]'},
        "question": {"id": question["id"], "menu": f'[data-fixture-menu="{question["id"]}"]', "item": hide, "confirm": None},
    }
    write(f"x-{ui}", html, gx.status_url(brand, post), "x", guard)


# --------------------------------------------------------------------------------------------
# Facebook

def fb_page(ui):
    en = ui == "en"
    brand, slug, post_id = ("Velora Home", "velorahome", "991100220033") if en else ("Maison Velora", "maisonvelora", "991100220044")
    post_url = f"https://www.facebook.com/{slug}/posts/pfbid0Gu4rdF1xtur3{ui}AbCdEfGhIjKlMnOpQrStUvWxYz0123456"
    s = lambda *a, **k: fb.spec(*a, ui=ui, post_id=post_id, encode=True, **k)  # noqa: E731
    ago = (lambda n: f"{n} hours ago") if en else (lambda n: f"il y a {n} heures")
    complaint = s("7700110001", "Ines Duarte", "ines.duarte.4",
                  ("My parcel 77120 was due last Friday and the tracking has not moved for six days. Nobody answers my emails." if en
                   else "Ma commande 55310 devait arriver vendredi et le suivi ne bouge plus depuis six jours. Personne ne répond à mes mails."),
                  kind="comment", ago=ago(3), shown_time="3h" if en else "3 h")
    spam = s("7700110002", "Prize Desk", "prize.desk.77",
             ("Win a free iPhone 16!!! Click www.free-prizes-now.biz and enter your card details to claim" if en
              else "Gagnez un iPhone gratuit !!! Cliquez sur www.cadeaux-gratuits.biz et entrez votre carte bancaire"),
             kind="comment", ago=ago(2), shown_time="2h" if en else "2 h")
    question = s("7700110003", "Paul Meyer", "paul.meyer.12",
                 ("Does the winter offer also apply to orders placed in the app?" if en
                  else "Est-ce que l'offre d'hiver marche aussi pour les commandes passées dans l'appli ?"),
                 kind="comment", ago=ago(1), shown_time="1h" if en else "1 h")
    comments = [complaint, spam, question]
    thread = fb.thread_html(comments, post_url, ui)
    menu_label = "Hide or report this" if en else "Masquer ou signaler ceci"
    for c in comments:
        thread = with_menu_button(
            thread, f'aria-label="{esc(c["label"])}"', '<ul class="actions">',
            f'<div aria-label="{menu_label}" aria-haspopup="menu" aria-expanded="false" role="button" tabindex="0" '
            f'data-fixture-menu="{c["id"]}" style="display: inline-block; padding: 0 8px;">…</div>')
    # The reply box Facebook opens under the complaint once "Reply" is clicked: after its article.
    reply_label = f"Reply to {complaint['author']}" if en else f"Répondre à {complaint['author']}"
    reply_box = (
        '<div class="x1n2onr6 xreplies"><div class="x1n2onr6 xh8yej3"><div aria-label="' + esc(reply_label) + '" '
        'contenteditable="true" role="textbox" spellcheck="true" data-lexical-editor="true" aria-placeholder="'
        + esc(reply_label) + '" class="xzsf02u x1a2a7pz x1n2onr6 x14wi4xw notranslate" '
        'style="user-select: text; white-space: pre-wrap; word-break: break-word; min-height: 20px; background: #fff; border-radius: 16px; padding: 6px 12px;">'
        '<p class="xdj266r x11i5rnm xat24cr x1mh8g0r x16tdsg8"><br></p></div></div></div>'
    )
    start = thread.index(f'aria-label="{esc(complaint["label"])}"')
    close = thread.index("</ul></div></div>", start) + len("</ul></div></div>")
    thread = thread[:close] + reply_box + thread[close:]
    hide, delete = ("Hide comment", "Delete") if en else ("Masquer le commentaire", "Supprimer")
    report = "Report comment" if en else "Signaler le commentaire"
    cancel = "Cancel" if en else "Annuler"
    title = "Delete comment?" if en else "Supprimer le commentaire ?"
    item = '<div role="menuitem" tabindex="0" class="x1i10hfl" style="padding: 8px 12px;" {flag}><span class="x193iq5w">{text}</span></div>'
    cfg = {
        "menuButton": f'[aria-label="{menu_label}"]',
        "layer": "body",
        "removeRoot": ".x1swvt13",
        "item": '[role="menuitem"]',
        "menuHtml": (f'<div class="x1n2onr6 xu96u03"><div role="menu" aria-orientation="vertical" style="{MENU_STYLE}">'
                     + item.format(flag="data-now", text=hide) + item.format(flag="data-confirm", text=delete)
                     + item.format(flag="", text=report) + "</div></div>"),
        # Not aria-modal: Facebook's confirmation sits over the post dialog, which stays the thread.
        "confirmHtml": (f'<div role="dialog" aria-label="{title}" style="position: fixed; top: 30%; left: 35%; {MENU_STYLE} padding: 16px;">'
                        f'<h2>{title}</h2><div role="button" tabindex="0" aria-label="{delete}" data-fixture-confirm>{delete}</div>'
                        f'<div role="button" tabindex="0" aria-label="{cancel}" data-fixture-cancel>{cancel}</div></div>'),
        "confirmButton": "[data-fixture-confirm]",
        "cancelButton": "[data-fixture-cancel]",
    }
    main = '<div role="feed"></div>'
    dialog = (
        '<div class="x1n2onr6 xzkaem6"><div aria-labelledby="dlg-title" aria-modal="true" role="dialog" class="dialog">'
        f'<h2 id="dlg-title" class="x1heor9g"><span>{esc(brand)}</span></h2>'
        + fb.post_header(brand, slug, "Our winter collection is in the shops from Monday." if en
                         else "Notre collection d'hiver arrive en boutique lundi.")
        + fb.sort_toggle(ui) + thread + fb.composer(ui, brand) + "</div></div>"
    )
    html = fb.page(ui, f"{brand} | Facebook", main, dialog).replace("</body>", f"{script(cfg)}\n</body>")
    draft = "We apologize for any inconvenience." if en else "Nous sommes désolés pour la gêne occasionnée."
    guard = {
        "platform": "facebook",
        "editor": f'[data-lexical-editor="true"][aria-label="{reply_label}"]',
        "draft": draft,
        "rule": "P10",
        "reason": "Answered in Messenger" if en else "Traité sur Messenger",
        "complaint": {"id": complaint["id"], "menu": f'[data-fixture-menu="{complaint["id"]}"]', "item": delete,
                      "confirm": "[data-fixture-confirm]"},
        "spam": {"id": spam["id"], "menu": f'[data-fixture-menu="{spam["id"]}"]', "item": hide, "confirm": None},
        "question": {"id": question["id"], "menu": f'[data-fixture-menu="{question["id"]}"]', "item": hide, "confirm": None},
    }
    write(f"facebook-{ui}", html, post_url, "facebook", guard)


# --------------------------------------------------------------------------------------------
# LinkedIn

def li_texts(en):
    return (
        ("My parcel 77120 was due last Friday and the tracking has not moved for six days. Nobody answers my emails." if en
         else "Ma commande 55310 devait arriver vendredi et le suivi ne bouge plus depuis six jours. Personne ne répond à mes mails."),
        ("Win a free iPhone 16!!! Click www.free-prizes-now.biz and enter your card details to claim" if en
         else "Gagnez un iPhone gratuit !!! Cliquez sur www.cadeaux-gratuits.biz et entrez votre carte bancaire"),
        ("Does the winter offer also apply to orders placed in the app?" if en
         else "Est-ce que l'offre d'hiver marche aussi pour les commandes passées dans l'appli ?"),
    )


def li_v1(ui):
    en = ui == "en"
    activity = "7264000000000000001" if en else "7264000000000000002"
    brand, brand_path = "Corvel Logistics", "/company/corvel-logistics/"
    complaint_text, spam_text, question_text = li_texts(en)
    c = lambda *a, **k: li.comment(*a, ui=ui, **k)  # noqa: E731
    complaint = c("7264000000000000101", "Amara Nwosu", "https://www.linkedin.com/in/amaranwosu/", complaint_text, shown_time="3h")
    spam = c("7264000000000000102", "Prize Desk", "https://www.linkedin.com/in/prizedesk/", spam_text, shown_time="2h", degree="3rd+")
    question = c("7264000000000000103", "Lena Vogt", "https://www.linkedin.com/in/lenavogt/", question_text, shown_time="1h")
    comments = [complaint, spam, question]
    html = li.v1_page(ui, brand, brand_path, activity, "Our winter network update: two new hubs open next week.", comments)
    for x in comments:
        html = with_menu_button(html, f'data-id="{x["id"]}"', 'aria-label="View more options', f'data-fixture-menu="{x["id"]}" ')
    editor_label = "Text editor for creating content" if en else "Éditeur de texte pour créer du contenu"
    reply_box = (
        '<div class="comments-comment-box comments-comment-box--reply"><div class="comments-comment-texteditor">'
        '<div class="ql-container ql-snow"><div class="ql-editor ql-blank" contenteditable="true" role="textbox" '
        f'aria-multiline="true" aria-label="{editor_label}" data-placeholder="Add a reply…"><p><br></p></div></div></div></div>'
    )
    html = _li_insert(html, f'data-id="{complaint["id"]}"', "comments-comment-social-bar--cr", reply_box)
    delete = "Delete" if en else "Supprimer"
    copy = "Copy link to comment" if en else "Copier le lien du commentaire"
    cancel = "Cancel" if en else "Annuler"
    title = "Delete comment?" if en else "Supprimer le commentaire ?"
    item = '<li><div class="artdeco-dropdown__item artdeco-dropdown__item--is-dropdown" role="button" tabindex="0" style="padding: 8px 12px;" {flag}>{text}</div></li>'
    cfg = {
        "menuButton": ".comment-options-trigger button",
        "layer": "trigger",
        "removeRoot": "article.comments-comment-entity",
        "item": ".artdeco-dropdown__item",
        "menuHtml": (f'<div class="artdeco-dropdown__content artdeco-dropdown--is-open" style="{MENU_STYLE}"><ul>'
                     + item.format(flag="", text=copy) + item.format(flag="data-confirm", text=delete) + "</ul></div>"),
        "confirmHtml": (f'<div class="artdeco-modal-overlay"><div class="artdeco-modal" role="dialog" aria-label="{title}" style="position: fixed; top: 30%; left: 35%; {MENU_STYLE} padding: 16px;">'
                        f'<h2>{title}</h2><button type="button" class="artdeco-button--primary">{delete}</button>'
                        f'<button type="button" class="artdeco-button--secondary">{cancel}</button></div></div>'),
        "confirmButton": ".artdeco-button--primary",
        "cancelButton": ".artdeco-button--secondary",
    }
    html = html.replace("</body>", f"{script(cfg)}\n</body>")
    guard = {
        "platform": "linkedin",
        "editor": f'article[data-id="{complaint["id"]}"] .ql-editor',
        "draft": "We apologize for any inconvenience." if en else "Nous sommes désolés pour la gêne occasionnée.",
        "rule": "P10",
        "reason": "Answered by message" if en else "Traité par message",
        "complaint": {"id": complaint["id"], "menu": f'[data-fixture-menu="{complaint["id"]}"]', "item": delete,
                      "confirm": ".artdeco-modal .artdeco-button--primary"},
        "spam": {"id": spam["id"], "menu": f'[data-fixture-menu="{spam["id"]}"]', "item": delete,
                 "confirm": ".artdeco-modal .artdeco-button--primary"},
        "question": None,
        "cancel": {"id": question["id"], "menu": f'[data-fixture-menu="{question["id"]}"]', "item": delete,
                   "confirm": ".artdeco-modal .artdeco-button--primary"},
    }
    write(f"linkedin-v1-{ui}", html, f"https://www.linkedin.com/feed/update/urn:li:activity:{activity}/", "linkedin", guard)


def _li_insert(html, start_marker, block_class, addition):
    """`addition` right after the element of class `block_class` (a flat div) inside the comment at `start_marker`."""
    start = html.index(start_marker)
    block = html.index(block_class, start)
    end = html.index("</div>", block) + len("</div>")
    return html[:end] + addition + html[end:]


def li_v2(ui):
    en = ui == "en"
    activity = "7265000000000000001" if en else "7265000000000000002"
    brand, brand_path = "Atelier Nordet", "/company/atelier-nordet/"
    complaint_text, spam_text, question_text = li_texts(en)
    c = lambda *a, **k: li.comment(*a, ui=ui, **k)  # noqa: E731
    complaint = c("7265000000000000101", "Chloé Marchand", "https://www.linkedin.com/in/chloemarchand/", complaint_text,
                  shown_time="3 h", degree="2e" if not en else "2nd")
    spam = c("7265000000000000102", "Prize Desk", "https://www.linkedin.com/in/prizedesk/", spam_text, shown_time="2 h", degree="3e+" if not en else "3rd+")
    question = c("7265000000000000103", "Hugo Lefèvre", "https://www.linkedin.com/in/hugolefevre/", question_text, shown_time="1 h")
    comments = [complaint, spam, question]
    html = li.v2_page(ui, brand, brand_path, activity, "Notre collection d’hiver est en ligne." if not en else "Our winter collection is online.", comments)
    options = "View more options for" if en else "Voir plus d’options pour"
    for x in comments:
        html = with_menu_button(html, f'componentkey="replaceableComment_{x["id"]}"', f'aria-label="{options}', f'data-fixture-menu="{x["id"]}" ')
    editor_label = "Text editor for creating comment" if en else "Éditeur de texte pour créer un commentaire"
    reply_box = (
        f'<div data-view-name="comment-box" class="_rb01"><div class="tiptap ProseMirror" contenteditable="true" role="textbox" '
        f'translate="no" aria-label="{editor_label}"><p><br class="ProseMirror-trailingBreak"></p></div></div>'
    )
    start = html.index(f'componentkey="replaceableComment_{complaint["id"]}"')
    bar = html.index('class="_j7k8"', start)
    end = html.index("</button></div>", bar) + len("</button></div>")
    html = html[:end] + reply_box + html[end:]
    delete = "Delete" if en else "Supprimer"
    copy = "Copy link to comment" if en else "Copier le lien du commentaire"
    cancel = "Cancel" if en else "Annuler"
    title = "Delete comment?" if en else "Supprimer le commentaire ?"
    item = '<div role="menuitem" tabindex="0" style="padding: 8px 12px;" {flag}><p>{text}</p></div>'
    cfg = {
        "menuButton": f'button[aria-label^="{options}"]',
        "layer": "body",
        "removeRoot": "._c0a1",
        "item": '[role="menuitem"]',
        "menuHtml": (f'<div role="menu" style="{MENU_STYLE}">' + item.format(flag="", text=copy)
                     + item.format(flag="data-confirm", text=delete) + "</div>"),
        "confirmHtml": (f'<div role="dialog" aria-label="{title}" style="position: fixed; top: 30%; left: 35%; {MENU_STYLE} padding: 16px;">'
                        f'<h2>{title}</h2><button type="button" data-fixture-confirm>{delete}</button>'
                        f'<button type="button" data-fixture-cancel>{cancel}</button></div>'),
        "confirmButton": "[data-fixture-confirm]",
        "cancelButton": "[data-fixture-cancel]",
    }
    html = html.replace("</body>", f"{script(cfg)}\n</body>")
    guard = {
        "platform": "linkedin",
        "editor": f'[componentkey="replaceableComment_{complaint["id"]}"] .tiptap.ProseMirror',
        "draft": "We apologize for any inconvenience." if en else "Nous sommes désolés pour la gêne occasionnée.",
        "rule": "P10",
        "reason": "Answered by message" if en else "Traité par message",
        "complaint": {"id": complaint["id"], "menu": f'[data-fixture-menu="{complaint["id"]}"]', "item": delete,
                      "confirm": "[data-fixture-confirm]"},
        "spam": {"id": spam["id"], "menu": f'[data-fixture-menu="{spam["id"]}"]', "item": delete, "confirm": "[data-fixture-confirm]"},
        "question": None,
        "cancel": {"id": question["id"], "menu": f'[data-fixture-menu="{question["id"]}"]', "item": delete,
                   "confirm": "[data-fixture-confirm]"},
    }
    write(f"linkedin-v2-{ui}", html, f"https://www.linkedin.com/feed/update/urn:li:activity:{activity}/", "linkedin", guard)


def main():
    for ui in ("en", "fr"):
        x_page(ui)
        fb_page(ui)
    li_v1("en")
    li_v2("fr")


if __name__ == "__main__":
    main()
