// The preview server: it listens on 127.0.0.1 only, answers only its own page (token and host
// name), and writes inside the vault folder only.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, startPreview, type PreviewServer } from "./harness";

let server: PreviewServer;
let token: string;
let outside: string;

interface Reply {
  status: number;
  body: string;
}

function request(method: string, path: string, options: { body?: string; token?: string | null; host?: string } = {}): Promise<Reply> {
  const url = new URL(path, server.origin);
  const headers: Record<string, string> = { host: options.host ?? url.host };
  const sent = options.token === undefined ? token : options.token;
  if (sent !== null) headers["x-preview-token"] = sent;
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

const put = (path: string, body = "text") => request("PUT", `/api/file?path=${encodeURIComponent(path)}`, { body });

beforeAll(async () => {
  server = await startPreview();
  const page = await request("GET", "/", { token: null });
  token = /name="preview-token" content="([0-9a-f]+)"/.exec(page.body)?.[1] ?? "";
  outside = mkdtempSync(join(tmpdir(), "one-on-ones-outside-"));
  symlinkSync(outside, join(server.vault, "Elsewhere"));
});

afterAll(async () => {
  await server.stop();
  rmSync(outside, { recursive: true, force: true });
});

describe("the preview server", () => {
  it("listens on 127.0.0.1 and serves the page with a token", () => {
    expect(new URL(server.url).hostname).toBe("127.0.0.1");
    expect(new URL(server.url).searchParams.get("today")).toBe("2026-11-21");
    expect(token).toMatch(/^[0-9a-f]{48}$/);
  });

  it("serves main.js wrapped as a script that receives module, exports and require", async () => {
    const script = await request("GET", "/plugin.js", { token: null });
    expect(script.status).toBe(200);
    expect(script.body.startsWith("(function (module, exports, require) {\n")).toBe(true);
    expect(script.body).toContain(readFileSync(join(ROOT, "main.js"), "utf8"));
  });

  it("refuses requests without the token or for another host name", async () => {
    expect((await request("GET", "/api/vault", { token: null })).status).toBe(403);
    expect((await request("GET", "/api/vault", { token: "0".repeat(48) })).status).toBe(403);
    expect((await request("GET", "/api/vault", { host: "attacker.example:80" })).status).toBe(421);
    expect((await request("GET", "/", { token: null, host: "attacker.example" })).status).toBe(421);
    const listing = await request("GET", "/api/vault");
    expect(listing.status).toBe(200);
    const paths = (JSON.parse(listing.body) as { files: Array<{ path: string }> }).files.map((f) => f.path);
    expect(paths).toContain("People/Anya Petrova.md");
    expect(paths).not.toContain("Elsewhere");
  });

  it("writes, renames and deletes inside the vault", async () => {
    expect((await put("Inbox/new note.md", "hello\n")).status).toBe(204);
    expect(server.read("Inbox/new note.md")).toBe("hello\n");
    const renamed = await request("POST", `/api/rename?from=${encodeURIComponent("Inbox/new note.md")}&to=${encodeURIComponent("Inbox/renamed.md")}`);
    expect(renamed.status).toBe(204);
    expect(server.exists("Inbox/new note.md")).toBe(false);
    expect(server.read("Inbox/renamed.md")).toBe("hello\n");
    expect((await request("DELETE", `/api/file?path=${encodeURIComponent("Inbox/renamed.md")}`)).status).toBe(204);
    expect(server.exists("Inbox/renamed.md")).toBe(false);
  });

  it("replaces a note whole: a reader sees the old text or the new, never a part", async () => {
    const old = "old\n".repeat(250_000);
    const fresh = "new\n".repeat(250_000);
    expect((await put("Inbox/big.md", old)).status).toBe(204);
    let writing = true;
    const seen = new Set<string>();
    const reads = (async () => {
      while (writing) {
        const text = server.read("Inbox/big.md");
        seen.add(text === old ? "old" : text === fresh ? "new" : `other (${text.length} characters)`);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    for (let i = 0; i < 5; i++) expect((await put("Inbox/big.md", i % 2 === 0 ? fresh : old)).status).toBe(204);
    writing = false;
    await reads;
    expect([...seen].filter((kind) => kind !== "old" && kind !== "new")).toEqual([]);
    expect(server.read("Inbox/big.md")).toBe(fresh);
    // No temporary file is left beside it.
    expect(readdirSync(join(server.vault, "Inbox")).filter((name) => name.startsWith("."))).toEqual([]);
  });

  it("refuses paths that leave the vault", async () => {
    for (const path of ["../escape.md", "People/../../escape.md", "/tmp/escape.md", "C:/escape.md", "People\\..\\..\\escape.md", "./People/x.md", ""]) {
      const reply = await put(path);
      expect(reply.status, path).toBe(400);
    }
    expect(existsSync(join(server.vault, "..", "escape.md"))).toBe(false);
    // A symbolic link inside the vault that points out of it.
    const through = await put("Elsewhere/escape.md");
    expect(through.status).toBe(403);
    expect(existsSync(join(outside, "escape.md"))).toBe(false);
    expect((await request("DELETE", "/api/file?path=Elsewhere")).status).toBe(403);
    expect((await request("POST", `/api/rename?from=${encodeURIComponent("People/Anya Petrova.md")}&to=${encodeURIComponent("Elsewhere/Anya.md")}`)).status).toBe(403);
    expect(server.exists("People/Anya Petrova.md")).toBe(true);
  });
});
