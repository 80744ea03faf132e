import { describe, expect, it } from "vitest";
import { emptyIndex } from "../../src/model/source-index.js";
import { checkParticipants } from "../../src/validate/meaning/check-participants.js";
import type { Meeting } from "../../src/types/meeting.js";
import type { Person } from "../../src/types/person.js";

function indexWith(meeting: Meeting, people: string[]) {
  const index = emptyIndex();
  for (const id of people) index.person.set(id, { file: `${id}.yaml`, record: { id } as Person });
  index.meeting.set(meeting.id, { file: "m.yaml", record: meeting });
  return index;
}

const meeting = (participants: string[], speakers: string[]): Meeting => ({
  id: "m",
  title: "t",
  date: "2022",
  format: "video",
  participants: participants.map((person, i) => ({ person, body: "b", side: i ? "KZ" : "CN" })) as Meeting["participants"],
  quotes: speakers.map((speaker, i) => ({ id: `q${i}`, speaker, kind: "paraphrase", text: "x", document: "d" })),
  documents: ["d"],
  summary: "s",
});

describe("quote/speaker-absent next to a mistyped participant", () => {
  const codes = (m: Meeting, people: string[]) => checkParticipants({ index: indexWith(m, people) }).map((d) => [d.code, d.pointer]);

  it("is not reported for the person the typo meant (the unknown id is the one error)", () => {
    expect(codes(meeting(["li-wie", "nurova"], ["li-wei"]), ["li-wei", "nurova"])).toEqual([]);
  });

  it("is still reported for a speaker the typo cannot have meant", () => {
    expect(codes(meeting(["li-wie", "nurova"], ["zhao-leji"]), ["li-wei", "nurova", "zhao-leji"])).toEqual([["quote/speaker-absent", "/quotes/0/speaker"]]);
  });
});
