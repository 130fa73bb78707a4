/** Colours that stay readable as a stripe beside dark text on the calendar's light status colours. */
export const STAFF_COLOR_SWATCHES = ['#1c7ed6', '#ae3ec9', '#0ca678', '#f76707', '#e03131', '#5f3dc4', '#2b8a3e', '#c2255c', '#1098ad', '#868e96'];
