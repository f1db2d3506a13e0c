// The component module of each node kind.

import * as accordion from "./accordion.js";
import * as audio from "./audio.js";
import * as blocks from "./blocks.js";
import * as button from "./button.js";
import * as checkbox from "./checkbox.js";
import * as column from "./column.js";
import * as dropdown from "./dropdown.js";
import * as group from "./group.js";
import * as html from "./html.js";
import * as markdown from "./markdown.js";
import * as number from "./number.js";
import * as radio from "./radio.js";
import * as render from "./render.js";
import * as row from "./row.js";
import * as slider from "./slider.js";
import * as tab from "./tab.js";
import * as tabs from "./tabs.js";
import * as textbox from "./textbox.js";

/** @type {Record<string, import("../renderer/index.js").ComponentModule>} */
export const COMPONENTS = {
  accordion, audio, blocks, button, checkbox, column, dropdown, group, html, markdown,
  number, radio, render, row, slider, tab, tabs, textbox,
};
