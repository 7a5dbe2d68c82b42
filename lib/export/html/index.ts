export { escapeHtml } from "./escape-html";
export { renderPublicHtml, type PublicHtmlOptions } from "./render-public-html";
