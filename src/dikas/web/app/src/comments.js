// Stakeholder comments: sign in (or accept an invitation / a password reset link), pin a
// comment to a place, draw it as an area or attach it to the selected postal area; read the
// comments with their author's display name, date and area name and locate them on the map;
// moderators hide and restore them with a reason and export them; everyone signed in can
// change their password, download their data and delete their account. Strings come from
// locales/comments.<lang>.json (i18n.js).

import { deleteJson, download, getJson, postJson, setToken } from "./api.js";
import { esc } from "./charts.js";
import { formatDate, language, onLanguageChange, register, t } from "./i18n.js";
import en from "./locales/comments.en.json";
import fi from "./locales/comments.fi.json";
import sv from "./locales/comments.sv.json";

register("comments", { en, fi, sv });
const _ = (key, params) => t("comments", key, params);

/** Comments fetched per page (the server pages them, newest first). */
export const COMMENTS_PAGE = 200;

export const CATEGORY_COLOURS = { need: [215, 48, 39], idea: [26, 152, 80], concern: [253, 174, 97] };

const ROLE_RANK = { stakeholder: 1, moderator: 2, organiser: 3 };

/** Whether `role` holds `needed` or a role above it (organiser ⊇ moderator ⊇ stakeholder). */
export function hasRole(role, needed) {
  return (ROLE_RANK[role] || 0) >= ROLE_RANK[needed];
}

function panelHtml() {
  const option = (value, label) => `<option value="${value}">${esc(label)}</option>`;
  return `
    <p class="comment-privacy"><button type="button" class="link" id="privacy-open" aria-expanded="false"
      aria-controls="privacy-notice">${esc(_("privacy.link"))}</button></p>
    <div id="privacy-notice" hidden></div>
    <form id="login-form">
      <label>${esc(_("signIn.user"))} <input name="username" autocomplete="username" required></label>
      <label>${esc(_("signIn.password"))} <input name="password" type="password" autocomplete="current-password" required></label>
      <button type="submit">${esc(_("signIn.submit"))}</button>
    </form>
    <form id="invitation-form" hidden>
      <h3>${esc(_("invite.title"))}</h3>
      <label>${esc(_("signIn.user"))} <input name="username" autocomplete="username" required maxlength="64"></label>
      <label>${esc(_("invite.displayName"))} <input name="display_name" autocomplete="name" required maxlength="64"></label>
      <label>${esc(_("invite.password"))} <input name="password" type="password" autocomplete="new-password" required minlength="8"></label>
      <button type="submit">${esc(_("invite.submit"))}</button>
    </form>
    <form id="reset-form" hidden>
      <h3>${esc(_("reset.title"))}</h3>
      <label>${esc(_("account.newPassword"))} <input name="password" type="password" autocomplete="new-password" required minlength="8"></label>
      <button type="submit">${esc(_("reset.submit"))}</button>
    </form>
    <div id="comment-editor" hidden>
      <label>${esc(_("editor.category"))} <select id="comment-category">
        ${option("need", _("category.need"))}${option("idea", _("category.idea"))}${option("concern", _("category.concern"))}
      </select></label>
      <label class="block">${esc(_("editor.text"))}
        <textarea id="comment-text" rows="3" maxlength="2000"></textarea></label>
      <button type="button" id="comment-pin">${esc(_("editor.pin"))}</button>
      <button type="button" id="comment-draw">${esc(_("editor.draw"))}</button>
      <button type="button" id="comment-draw-finish" hidden>${esc(_("editor.finish"))}</button>
      <button type="button" id="comment-area">${esc(_("editor.area"))}</button>
      <div id="moderation" hidden>
        <label>${esc(_("moderation.reason"))} <input id="moderation-reason" maxlength="500"></label>
        <button type="button" id="comment-export">${esc(_("moderation.export"))}</button>
      </div>
      <details id="account">
        <summary>${esc(_("account.title"))}</summary>
        <form id="password-form">
          <label>${esc(_("account.oldPassword"))} <input name="old_password" type="password" autocomplete="current-password" required></label>
          <label>${esc(_("account.newPassword"))} <input name="new_password" type="password" autocomplete="new-password" required minlength="8"></label>
          <button type="submit">${esc(_("account.change"))}</button>
        </form>
        <button type="button" id="my-data">${esc(_("account.download"))}</button>
        <p><label><input type="checkbox" id="delete-confirm"> ${esc(_("account.deleteConfirm"))}</label>
          <button type="button" id="delete-me">${esc(_("account.delete"))}</button></p>
      </details>
      <button type="button" id="sign-out" class="link">${esc(_("signOut"))}</button>
    </div>
    <p class="comment-status" role="status" aria-live="polite"></p>
    <label>${esc(_("filter.label"))} <select id="comment-filter">
      ${option("", _("filter.all"))}${option("need", _("filter.need"))}${option("idea", _("filter.idea"))}${option("concern", _("filter.concern"))}
    </select></label>
    <ul id="comment-list"></ul>`;
}

/** The one-time token of an invitation or reset link (`#invitation=…` / `#reset=…`). */
function oneTimeToken(kind) {
  return new URLSearchParams(window.location.hash.slice(1)).get(kind);
}

function forgetOneTimeToken() {
  const params = new URLSearchParams(window.location.hash.slice(1));
  params.delete("invitation");
  params.delete("reset");
  const rest = params.toString();
  window.history.replaceState(null, "", `${window.location.pathname}${window.location.search}${rest ? `#${rest}` : ""}`);
}

export class CommentBoard {
  /**
   * @param {HTMLElement} root the comments panel
   * @param {{setMode: Function, refreshOverlay: Function, selectedArea: string|null,
   *          locate: Function}} app what the board needs of the map app
   */
  constructor(root, app) {
    this.root = root;
    this.app = app;
    this.features = [];
    this.total = 0;
    this.role = null;
    this.username = null;
    this.drawing = [];
    this.render();
    onLanguageChange(() => { this.render(); this.renderList(); });
  }

  $(selector) { return this.root.querySelector(selector); }

  /** (Re)build the panel in the current language, keeping the signed-in state. */
  render() {
    const text = this.root.querySelector("#comment-text")?.value || "";
    this.root.innerHTML = panelHtml();
    this.root.lang = language();
    this.$("#comment-text").value = text;
    this.$("#login-form").addEventListener("submit", (event) => { event.preventDefault(); this.signIn(); });
    this.$("#invitation-form").addEventListener("submit", (event) => { event.preventDefault(); this.acceptInvitation(); });
    this.$("#reset-form").addEventListener("submit", (event) => { event.preventDefault(); this.redeemReset(); });
    this.$("#password-form").addEventListener("submit", (event) => { event.preventDefault(); this.changePassword(); });
    this.$("#sign-out").addEventListener("click", () => this.signOut());
    this.$("#comment-pin").addEventListener("click", () => this.app.setMode("comment"));
    this.$("#comment-draw").addEventListener("click", () => this.startDrawing());
    this.$("#comment-draw-finish").addEventListener("click", () => this.finishDrawing());
    this.$("#comment-area").addEventListener("click", () => {
      if (this.app.selectedArea) this.submit({ postal_code: this.app.selectedArea });
      else this.setStatus("error", _("editor.selectArea"));
    });
    this.$("#comment-filter").addEventListener("change", () => this.refresh());
    this.$("#comment-export").addEventListener("click", () => this.exportAll());
    this.$("#my-data").addEventListener("click", () => this.downloadMyData());
    this.$("#delete-me").addEventListener("click", () => this.deleteMe());
    this.$("#privacy-open").addEventListener("click", () => this.togglePrivacy());
    this.$("#comment-list").addEventListener("click", (event) => this.onListClick(event));
    if (oneTimeToken("invitation")) this.$("#invitation-form").hidden = false;
    if (oneTimeToken("reset")) this.$("#reset-form").hidden = false;
    this.showSignedIn(this.role !== null);
  }

  setStatus(state, text) {
    this.root.dataset.state = state;
    this.$(".comment-status").textContent = text;
  }

  showSignedIn(signedIn) {
    this.$("#comment-editor").hidden = !signedIn;
    this.$("#login-form").hidden = signedIn;
    this.$("#moderation").hidden = !(signedIn && hasRole(this.role, "moderator"));
    if (signedIn) this.root.dataset.role = this.role;
    else delete this.root.dataset.role;
  }

  async signedIn(token, name) {
    setToken(token.access_token);
    this.role = token.role;
    this.username = name;
    this.showSignedIn(true);
    this.setStatus("signed-in", _("signIn.done", { name, role: _(`role.${token.role}`) }));
    await this.refresh();
  }

  async signIn() {
    const form = this.$("#login-form");
    try {
      const token = await postJson("/api/auth/token", {
        username: form.username.value,
        password: form.password.value,
      });
      form.password.value = "";
      await this.signedIn(token, form.username.value);
    } catch (error) {
      this.setStatus("error", _("signIn.failed", { error: error.message }));
    }
  }

  async acceptInvitation() {
    const form = this.$("#invitation-form");
    try {
      const token = await postJson("/api/auth/accept-invitation", {
        token: oneTimeToken("invitation"),
        username: form.username.value,
        display_name: form.display_name.value,
        password: form.password.value,
      });
      form.hidden = true;
      forgetOneTimeToken();
      await this.signedIn(token, form.username.value);
    } catch (error) {
      this.setStatus("error", _("invite.failed", { error: error.message }));
    }
  }

  async redeemReset() {
    const form = this.$("#reset-form");
    try {
      const token = await postJson("/api/auth/reset-password", {
        token: oneTimeToken("reset"), password: form.password.value,
      });
      form.hidden = true;
      forgetOneTimeToken();
      await this.signedIn(token, "");
    } catch (error) {
      this.setStatus("error", _("reset.failed", { error: error.message }));
    }
  }

  signedOut(message) {
    setToken(null);
    this.role = null;
    this.username = null;
    this.showSignedIn(false);
    this.setStatus("idle", message);
    this.refresh();
  }

  async signOut() {
    try {
      await postJson("/api/auth/logout"); // revokes the token on the server too
    } catch (_error) {
      // an expired or revoked token is signed out already
    }
    this.signedOut(_("signOut.done"));
  }

  async changePassword() {
    const form = this.$("#password-form");
    try {
      const token = await postJson("/api/auth/password", {
        old_password: form.old_password.value, new_password: form.new_password.value,
      });
      setToken(token.access_token);
      form.reset();
      this.setStatus("password-changed", _("account.changed"));
    } catch (error) {
      this.setStatus("error", _("account.failed", { error: error.message }));
    }
  }

  async downloadMyData() {
    try {
      await download("/api/me/data", "my-data.json");
      this.setStatus("downloaded", _("account.download"));
    } catch (error) {
      this.setStatus("error", _("account.failed", { error: error.message }));
    }
  }

  async exportAll() {
    try {
      await download("/api/comments/export", "comments.geojson");
      this.setStatus("exported", _("moderation.export"));
    } catch (error) {
      this.setStatus("error", _("moderation.failed", { error: error.message }));
    }
  }

  async deleteMe() {
    if (!this.$("#delete-confirm").checked) {
      this.$("#delete-confirm").focus();
      return;
    }
    try {
      await deleteJson("/api/me");
      this.signedOut(_("account.deleted"));
      this.root.dataset.state = "deleted";
    } catch (error) {
      this.setStatus("error", _("account.failed", { error: error.message }));
    }
  }

  async togglePrivacy() {
    const panel = this.$("#privacy-notice");
    const button = this.$("#privacy-open");
    if (!panel.hidden) {
      panel.hidden = true;
      button.setAttribute("aria-expanded", "false");
      return;
    }
    try {
      const notice = await getJson("/api/privacy", { lang: language() });
      panel.innerHTML = `<h3>${esc(notice.title)}</h3>${notice.sections.map((s) =>
        `<h4>${esc(s.heading)}</h4><p>${esc(s.text)}</p>`).join("")}`;
      panel.hidden = false;
      button.setAttribute("aria-expanded", "true");
    } catch (error) {
      this.setStatus("error", _("privacy.unavailable", { error: error.message }));
    }
  }

  /** Post a comment at `{lon, lat}`, for `{postal_code}` or as `{area}` (a GeoJSON polygon). */
  async submit(where) {
    const text = this.$("#comment-text").value.trim();
    if (!text) {
      this.setStatus("error", _("editor.writeFirst"));
      return;
    }
    const body = { ...where, text, category: this.$("#comment-category").value };
    this.setStatus("posting", _("editor.posting"));
    try {
      const feature = await postJson("/api/comments", body);
      this.$("#comment-text").value = "";
      this.root.dataset.posted = feature.id;
      this.setStatus("posted", _("editor.posted"));
      await this.refresh();
    } catch (error) {
      this.setStatus("error", _("editor.failed", { error: error.message }));
    }
  }

  startDrawing() {
    this.drawing = [];
    this.app.setMode("comment-draw");
    this.$("#comment-draw-finish").hidden = false;
    this.setStatus("drawing", _("editor.drawing"));
    this.app.refreshOverlay();
  }

  finishDrawing() {
    if (this.drawing.length < 3) {
      this.setStatus("error", _("editor.needCorners"));
      return;
    }
    const ring = [...this.drawing, this.drawing[0]];
    this.drawing = [];
    this.$("#comment-draw-finish").hidden = true;
    this.app.setMode("profile");
    this.submit({ area: { type: "Polygon", coordinates: [ring] } });
  }

  async moderate(id, action) {
    const reason = this.$("#moderation-reason").value.trim();
    if (!reason) {
      this.setStatus("error", _("moderation.reasonFirst"));
      this.$("#moderation-reason").focus();
      return;
    }
    try {
      await postJson(`/api/comments/${encodeURIComponent(id)}/${action}`, { reason });
      this.setStatus(action === "hide" ? "hidden" : "restored",
        _(action === "hide" ? "moderation.hidden" : "moderation.restored"));
      await this.refresh();
    } catch (error) {
      this.setStatus("error", _("moderation.failed", { error: error.message }));
    }
  }

  onListClick(event) {
    const button = event.target.closest("button");
    if (!button) return;
    const id = Number(button.dataset.id);
    if (button.classList.contains("locate-comment")) this.locate(id);
    else if (button.classList.contains("hide-comment")) this.moderate(id, "hide");
    else if (button.classList.contains("restore-comment")) this.moderate(id, "restore");
    else if (button.id === "comment-more") this.loadMore();
  }

  /** Move the map to a comment (its point, or the whole of its area). */
  locate(id) {
    const feature = this.features.find((f) => f.id === id);
    if (!feature) return;
    this.app.locate(feature.geometry);
    this.root.dataset.located = String(id);
    this.root.querySelectorAll("#comment-list li.comment").forEach((li) =>
      li.classList.toggle("located", li.dataset.id === String(id)));
  }

  async refresh() {
    const category = this.$("#comment-filter").value;
    try {
      const collection = await getJson("/api/comments", { category, limit: COMMENTS_PAGE });
      this.features = collection.features || [];
      this.total = collection.numberMatched ?? this.features.length;
      this.root.dataset.loaded = "true";
    } catch (error) {
      this.features = [];
      this.total = 0;
      this.setStatus("error", _("list.unavailable", { error: error.message }));
    }
    this.renderList();
    this.app.refreshOverlay();
  }

  /** The next page of comments, added below those shown. */
  async loadMore() {
    const category = this.$("#comment-filter").value;
    try {
      const collection = await getJson("/api/comments", {
        category, limit: COMMENTS_PAGE, offset: this.features.length,
      });
      const known = new Set(this.features.map((f) => f.id));
      this.features = this.features.concat((collection.features || []).filter((f) => !known.has(f.id)));
      this.total = collection.numberMatched ?? this.total;
    } catch (error) {
      this.setStatus("error", _("list.moreUnavailable", { error: error.message }));
    }
    this.renderList();
    this.app.refreshOverlay();
  }

  /** The area a comment is about, as its reader's language names it. */
  static areaLabel(p) {
    const name = (language() === "sv" && p.area_name_sv) || p.area_name;
    if (name && p.postal_code) return `${name} (${p.postal_code})`;
    return name || p.postal_code || "";
  }

  itemHtml(f) {
    const p = f.properties || {};
    const moderator = hasRole(this.role, "moderator");
    const area = CommentBoard.areaLabel(p);
    const kind = f.geometry && f.geometry.type === "Polygon" ? "area" : "point";
    const meta = [
      p.author_name ? `<span class="comment-author">${esc(p.author_name)}</span>` : "",
      p.created_at ? `<time class="comment-date" datetime="${esc(p.created_at)}">${esc(formatDate(p.created_at))}</time>` : "",
      area ? `<span class="comment-area">${esc(area)}</span>` : "",
      kind === "area" ? `<span class="comment-kind">${esc(_("list.area"))}</span>` : "",
      p.hidden ? `<span class="comment-hidden">${esc(_("list.hiddenBecause", { reason: p.hidden_reason || "" }))}</span>` : "",
    ].filter(Boolean).join(" · ");
    let moderation = "";
    if (moderator) {
      moderation = p.hidden
        ? ` <button type="button" class="link restore-comment" data-id="${esc(f.id)}">${esc(_("moderation.restore"))}</button>`
        : ` <button type="button" class="link hide-comment" data-id="${esc(f.id)}">${esc(_("moderation.hide"))}</button>`;
    }
    return `<li class="comment ${p.hidden ? "hidden-comment" : ""}" data-id="${esc(f.id)}" data-kind="${kind}">`
      + `<span class="tag tag-${esc(p.category)}">${esc(_(`category.${p.category}`))}</span> ${esc(p.text)}`
      + ` <small class="comment-meta">${meta}</small>`
      + ` <button type="button" class="link locate-comment" data-id="${esc(f.id)}" aria-label="${esc(_("list.locateLabel", { id: f.id }))}">${esc(_("list.locate"))}</button>`
      + `${moderation}</li>`;
  }

  renderList() {
    const list = this.$("#comment-list");
    list.innerHTML = this.features.map((f) => this.itemHtml(f)).join("")
      || `<li class="muted">${esc(_("list.empty"))}</li>`;
    if (this.features.length < this.total) {
      list.insertAdjacentHTML("beforeend", `<li class="muted comment-more">`
        + `${esc(_("list.more", { shown: this.features.length, total: this.total }))} · `
        + `<button type="button" class="link" id="comment-more">${esc(_("list.showMore"))}</button></li>`);
    }
  }

  /** What the overlay draws: comment points, comment areas and an area being drawn. */
  overlayData() {
    const points = this.features.filter((f) => f.geometry && f.geometry.type === "Point");
    const areas = this.features.filter((f) => f.geometry && f.geometry.type === "Polygon");
    return { points, areas, drawing: this.drawing };
  }

  handleClick(mode, lngLat) {
    if (mode === "comment-draw") {
      this.drawing.push([lngLat.lng, lngLat.lat]);
      this.root.dataset.corners = String(this.drawing.length);
      this.app.refreshOverlay();
      return true;
    }
    if (mode !== "comment") return false;
    this.app.setMode("profile");
    this.submit({ lon: lngLat.lng, lat: lngLat.lat });
    return true;
  }
}
