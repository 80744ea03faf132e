/** Characters that make a spreadsheet treat a cell as a formula when they start it. */
export const FORMULA_START = /^[=+\-@\t\r]/;
