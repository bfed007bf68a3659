// Stakeholder comments: sign in, pin a comment to a place or the selected area, read others'
// comments, and (moderators) hide them.

import { getJson, postJson, setToken } from "./api.js";
import { esc } from "./charts.js";

/** Comments fetched per page (the server pages them, newest first). */
export const COMMENTS_PAGE = 200;

export const CATEGORY_COLOURS = { need: [215, 48, 39], idea: [26, 152, 80], concern: [253, 174, 97] };

export class CommentBoard {
  constructor(root, app) {
    this.root = root;
    this.app = app;
    this.features = [];
    this.total = 0;
    this.role = null;
    root.querySelector("#login-form").addEventListener("submit", (event) => {
      event.preventDefault();
      this.signIn();
    });
    root.querySelector("#sign-out").addEventListener("click", () => this.signOut());
    root.querySelector("#comment-pin").addEventListener("click", () => app.setMode("comment"));
    root.querySelector("#comment-area").addEventListener("click", () => {
      if (app.selectedArea) this.submit({ postal_code: app.selectedArea });
      else this.setStatus("error", "Select an area on the map first.");
    });
    root.querySelector("#comment-filter").addEventListener("change", () => this.refresh());
  }

  setStatus(state, text) {
    this.root.dataset.state = state;
    this.root.querySelector(".comment-status").textContent = text;
  }

  async signIn() {
    const form = this.root.querySelector("#login-form");
    try {
      const token = await postJson("/api/auth/token", {
        username: form.username.value,
        password: form.password.value,
      });
      setToken(token.access_token);
      this.role = token.role;
      this.root.dataset.role = token.role;
      this.root.querySelector("#comment-editor").hidden = false;
      form.hidden = true;
      this.setStatus("signed-in", `Signed in as ${form.username.value} (${token.role}).`);
      await this.refresh();
    } catch (error) {
      this.setStatus("error", `Sign-in failed: ${error.message}`);
    }
  }

  async signOut() {
    try {
      await postJson("/api/auth/logout"); // revokes the token on the server too
    } catch (_) {
      // an expired or revoked token is signed out already
    }
    setToken(null);
    this.role = null;
    delete this.root.dataset.role;
    this.root.querySelector("#comment-editor").hidden = true;
    this.root.querySelector("#login-form").hidden = false;
    this.setStatus("idle", "Signed out.");
    this.refresh();
  }

  /** Post a comment at `{lon, lat}` or for `{postal_code}`. */
  async submit(where) {
    const text = this.root.querySelector("#comment-text").value.trim();
    if (!text) {
      this.setStatus("error", "Write a comment first.");
      return;
    }
    const body = { ...where, text, category: this.root.querySelector("#comment-category").value };
    this.setStatus("posting", "Posting…");
    try {
      const feature = await postJson("/api/comments", body);
      this.root.querySelector("#comment-text").value = "";
      this.setStatus("posted", `Comment ${feature.id} posted.`);
      await this.refresh();
    } catch (error) {
      this.setStatus("error", `Comment not posted: ${error.message}`);
    }
  }

  async hide(id) {
    try {
      await postJson(`/api/comments/${encodeURIComponent(id)}/hide`);
      this.setStatus("hidden", `Comment ${id} hidden.`);
      await this.refresh();
    } catch (error) {
      this.setStatus("error", `Could not hide: ${error.message}`);
    }
  }

  async refresh() {
    const category = this.root.querySelector("#comment-filter").value;
    try {
      const collection = await getJson("/api/comments", { category, limit: COMMENTS_PAGE });
      this.features = collection.features || [];
      this.total = collection.numberMatched ?? this.features.length;
      this.root.dataset.loaded = "true";
    } catch (error) {
      this.features = [];
      this.total = 0;
      this.setStatus("error", `Comments unavailable: ${error.message}`);
    }
    this.renderList();
    this.app.refreshOverlay();
  }

  /** The next page of comments, added below those shown. */
  async loadMore() {
    const category = this.root.querySelector("#comment-filter").value;
    try {
      const collection = await getJson("/api/comments", {
        category, limit: COMMENTS_PAGE, offset: this.features.length,
      });
      const known = new Set(this.features.map((f) => f.id));
      this.features = this.features.concat((collection.features || []).filter((f) => !known.has(f.id)));
      this.total = collection.numberMatched ?? this.total;
    } catch (error) {
      this.setStatus("error", `More comments unavailable: ${error.message}`);
    }
    this.renderList();
    this.app.refreshOverlay();
  }

  renderList() {
    const list = this.root.querySelector("#comment-list");
    list.innerHTML = this.features.map((f) => {
      const p = f.properties || {};
      const hide = this.role === "moderator" && !p.hidden
        ? ` <button class="link hide-comment" data-id="${esc(f.id)}">hide</button>` : "";
      return `<li class="comment ${p.hidden ? "hidden-comment" : ""}" data-id="${esc(f.id)}">`
        + `<span class="tag tag-${esc(p.category)}">${esc(p.category)}</span> ${esc(p.text)}`
        + ` <small>${esc(p.author || "")}${p.postal_code ? ` · ${esc(p.postal_code)}` : ""}${p.hidden ? " · hidden" : ""}</small>${hide}</li>`;
    }).join("") || '<li class="muted">No comments yet.</li>';
    if (this.features.length < this.total) {
      list.insertAdjacentHTML("beforeend", `<li class="muted comment-more">Showing the newest `
        + `${this.features.length} of ${this.total} · <button class="link" id="comment-more">show more</button></li>`);
      list.querySelector("#comment-more").addEventListener("click", () => this.loadMore());
    }
    list.querySelectorAll(".hide-comment").forEach((button) => button.addEventListener("click", () => this.hide(button.dataset.id)));
  }

  handleClick(mode, lngLat) {
    if (mode !== "comment") return false;
    this.app.setMode("profile");
    this.submit({ lon: lngLat.lng, lat: lngLat.lat });
    return true;
  }
}
