import { describe, expect, it } from "vitest";
import type { Clock } from "../../src/domain/dates";
import { PeopleIndex } from "../../src/index/people-index";
import { factsOf } from "../builders/facts";
import { indexSettings } from "../builders/index-settings";

describe("the index after midnight", () => {
  it("counts a note prepared for today once today has come", () => {
    let today = "2026-11-20";
    const clock: Clock = { today: () => today };
    const index = new PeopleIndex(indexSettings(), clock);
    const files: Record<string, string> = {
      "People/Anya Petrova.md": "---\nrelationship: report\n---\n",
      "1-1s/Anya Petrova/2026-11-21.md": '---\ntype: one-on-one\nperson: "[[Anya Petrova]]"\ndate: 2026-11-21\n---\n',
      "Daily/2026-11-21.md": "Lunch with [[Anya Petrova]].\n",
      "1-1s/Sam.md": '---\ntype: one-on-one\nperson: "[[Anya Petrova]]"\n---\n## 2026-11-21\n',
    };
    index.batch(() => {
      for (const [path, text] of Object.entries(files)) index.upsert(factsOf(path, text), text);
    });
    expect(index.person("People/Anya Petrova.md")?.lastSeen).toBeNull();
    today = "2026-11-21";
    index.refresh();
    expect(index.person("People/Anya Petrova.md")?.lastSeen).toBe("2026-11-21");
  });
});
