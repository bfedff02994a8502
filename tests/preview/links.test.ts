import { describe, expect, it } from "vitest";
import { App } from "../fakes/fake-app";
import { MetadataCache } from "../fakes/fake-metadata-cache";
import { resolveLinksFromMaps } from "../../preview/links";

const FILES = [
  "A.md",
  "Folder/A.md",
  "Folder/Sub/B.md",
  "B.md.md",
  "Notes/Anya Petrova.md",
  "Other/Deep/anya petrova.md",
  "img.png",
  "Folder/img.png",
  "x/y/z.md",
  "y/z.md",
  "z.md.md",
  "Daily/2026-11-21.md",
  "Élan.md",
  "Q.MD",
  "q.md.md",
  "r.md.md",
  "R.MD",
];

const LINKS = [
  "", "A", "a", "A.md", "a.MD", "Folder/A", "folder/a", "Folder/A.md", "B", "Sub/B", "sub/b.md", "B.md", "./B", "./Sub/B", "../A",
  "../../A", "../../../A", "img.png", "IMG.PNG", "Folder/img.png", "z", "y/z", "Y/Z.md", "z.md", "/A", "//Folder/A", "missing",
  "Anya Petrova", "anya petrova", "Deep/Anya Petrova", "2026-11-21", "élan", "Élan", "/", "Folder/", ".md", "Q.md", "q.md", "Q", "R.md",
];

const SOURCES = ["A.md", "Folder/A.md", "Folder/Sub/B.md", "x/y/z.md", "Notes/Anya Petrova.md", "new.md"];

function answers(app: App, resolve: (link: string, source: string) => unknown): string[] {
  const out: string[] = [];
  for (const source of SOURCES) for (const link of LINKS) out.push(`${source} → ${link}: ${String((resolve(link, source) as { path?: string } | null)?.path ?? null)}`);
  return out;
}

describe("the preview's link resolution from maps", () => {
  it("gives the fake metadata cache's answers, also after files are created, renamed and deleted", async () => {
    const app = new App();
    resolveLinksFromMaps(app);
    for (const path of FILES) app.vault.seed(path, "");
    const cache = app.metadataCache;
    const scan = (link: string, source: string) => MetadataCache.prototype.getFirstLinkpathDest.call(cache, link, source);
    const maps = (link: string, source: string) => cache.getFirstLinkpathDest(link, source);
    expect(answers(app, maps)).toEqual(answers(app, scan));

    await app.vault.create("Folder/Sub/z.md", "");
    await app.vault.createFolder("a");
    await app.vault.create("a/A.md", "");
    expect(answers(app, maps)).toEqual(answers(app, scan));
    const renamed = app.vault.getFileByPath("Notes/Anya Petrova.md");
    if (!renamed) throw new Error("missing");
    await app.vault.rename(renamed, "Notes/Anya.md");
    expect(answers(app, maps)).toEqual(answers(app, scan));
    const deleted = app.vault.getFileByPath("A.md");
    if (!deleted) throw new Error("missing");
    await app.vault.delete(deleted);
    expect(answers(app, maps)).toEqual(answers(app, scan));
    expect(cache.getFirstLinkpathDest("A", "x/y/z.md")?.path).toBe("a/A.md");
  });
});
