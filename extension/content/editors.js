// What Candor knows of each platform's reply editors and comment menus, as data (stable hooks:
// data-testid, role, aria, the editors' own class names; never generated classes). The coach
// (coach.js) and the delete guard (guard.js) read it; the readers' data stays in platforms/*.js.
(() => {
  const Candor = (globalThis.Candor ??= {});

  // The words of a menu item that removes a comment, EN and FR, and the action each one means.
  // An item matches when its text starts with one of them (case and accents as shown).
  const REMOVE_WORDS = [
    [/^(delete|supprimer)\b/iu, "delete"],
    [/^(hide|masquer)\b/iu, "hide"],
    [/^(remove|retirer)\b/iu, "remove"],
  ];

  Candor.editors = Object.freeze({
    x: {
      // Draft.js: the testid sits on the wrapper; the contenteditable is inside it (or is it).
      editor: ['[data-testid^="tweetTextarea_"] [contenteditable="true"]', '[data-testid^="tweetTextarea_"][contenteditable="true"]', 'div.public-DraftEditor-content[contenteditable="true"]'],
      // A block of the draft: its text is one line.
      paragraph: ["div[data-block]", "[data-contents] > div", "p"],
      // Where the editor's reply area ends: the search for the comment it answers stays inside.
      scope: ['[role="dialog"]', '[data-testid="primaryColumn"]'],
      menuButton: ['[data-testid="caret"]', 'button[aria-haspopup="menu"][aria-label="More"]', 'button[aria-haspopup="menu"][aria-label="Plus"]'],
      menuItem: ['#layers [data-testid="Dropdown"] [role="menuitem"]', '[data-testid="Dropdown"] [role="menuitem"]', '#layers [role="menuitem"]'],
      // The reply control of a comment, to bring its editor up when "reply instead" finds none.
      replyButton: ['[data-testid="reply"]'],
    },
    facebook: {
      // Lexical; Messenger's chat box is also Lexical, so only comment and reply boxes count.
      editor: [
        '[data-lexical-editor="true"][aria-label^="Reply to "]',
        '[data-lexical-editor="true"][aria-label^="Comment as "]',
        '[data-lexical-editor="true"][aria-label^="Répondre à "]',
        '[data-lexical-editor="true"][aria-label^="Commenter en tant que "]',
      ],
      paragraph: ["p", 'div[dir="auto"]'],
      scope: ['div[role="dialog"][aria-modal="true"]', 'div[role="main"]'],
      menuButton: [
        '[aria-label="Hide or report this"]',
        '[aria-label="Edit or delete this"]',
        '[aria-label="Masquer ou signaler ceci"]',
        '[aria-label="Modifier ou supprimer ceci"]',
      ],
      menuItem: ['[role="menu"] [role="menuitem"]', '[role="menu"] [role="menuitemradio"]'],
      replyButton: ['ul [role="button"]'],
    },
    linkedin: {
      // v1 Quill, v2 TipTap (ProseMirror).
      editor: ['.ql-editor[contenteditable="true"]', 'div.tiptap.ProseMirror[contenteditable="true"]', '.ProseMirror[contenteditable="true"]'],
      paragraph: ["p"],
      scope: [".comments-comments-list", '[data-testid*="commentList"]', "main"],
      menuButton: [
        ".comment-options-trigger button",
        ".comment-options-trigger",
        'button[aria-label^="View more options for"]',
        'button[aria-label^="Voir plus d’options"]',
        "button[aria-label^=\"Voir plus d'options\"]",
      ],
      menuItem: [
        ".artdeco-dropdown__content .artdeco-dropdown__item",
        ".artdeco-dropdown__item",
        '[role="menu"] [role="menuitem"]',
        '[role="menu"] [role="button"]',
      ],
      replyButton: ['button[aria-label^="Reply to"]', 'button[aria-label^="Répondre"]'],
    },
  });

  /** The removal an item's text asks for ("delete", "hide", "remove"), or null. */
  Candor.removalOf = (text) => {
    const shown = String(text ?? "").trim();
    for (const [re, action] of REMOVE_WORDS) if (re.test(shown)) return action;
    return null;
  };
})();
