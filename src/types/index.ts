/* Generated from schemas/ by `npm run gen:types`. Do not edit: change the schema and regenerate. */
export type { Document } from "./document.js";
export type { Person } from "./person.js";
export type { Body } from "./body.js";
export type { Topic } from "./topic.js";
export type { Visit } from "./visit.js";
export type { Meeting } from "./meeting.js";
