import { decodeEntities } from "../html-entities";

export interface XmlHandlers {
  onOpen(name: string, attributes: Record<string, string>): void;
  onText(text: string): void;
  onClose(name: string): void;
}

const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][\s\S]*?>|([^<]+)/g;
const ATTRIBUTE = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * A linear pass over an OOXML part as open/text/close events (a self-closing element opens and closes). OOXML
 * parts have no DTD and no mixed encodings, so elements, attributes, character data and entities are enough.
 */
export function scanXml(xml: string, handlers: XmlHandlers): void {
  for (const match of xml.matchAll(TOKEN)) {
    const [, slash, name, attributeText, selfClosing, cdata, text] = match;
    if (text !== undefined) handlers.onText(decodeEntities(text));
    else if (cdata !== undefined) handlers.onText(cdata);
    else if (name === undefined) continue;
    else if (slash) handlers.onClose(name);
    else {
      const attributes: Record<string, string> = {};
      for (const attribute of (attributeText ?? "").matchAll(ATTRIBUTE)) attributes[attribute[1]!] = decodeEntities(attribute[2] ?? attribute[3] ?? "");
      handlers.onOpen(name, attributes);
      if (selfClosing) handlers.onClose(name);
    }
  }
}
