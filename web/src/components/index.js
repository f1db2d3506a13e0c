// The component module of each node kind.

import * as audio from "./audio.js";
import * as blocks from "./blocks.js";
import * as button from "./button.js";
import * as column from "./column.js";
import * as markdown from "./markdown.js";
import * as radio from "./radio.js";
import * as render from "./render.js";
import * as row from "./row.js";
import * as slider from "./slider.js";
import * as textbox from "./textbox.js";

/** @type {Record<string, import("../renderer/index.js").ComponentModule>} */
export const COMPONENTS = {
  audio, blocks, button, column, markdown, radio, render, row, slider, textbox,
};
