// node --test: where the extension looks for `stmt lsp`.
"use strict";
const test = require("node:test");
const assert = require("node:assert");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { findServer, installHint } = require("../../server");

function folder(files) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "stmt-vscode-"));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text, { mode: 0o755 });
  }
  return root;
}

test("the setting wins when the user set it", () => {
  const server = findServer({ configured: ["/opt/stmt/stmt", "lsp"], folders: [], env: { PATH: "" } });
  assert.deepStrictEqual(server, { command: "/opt/stmt/stmt", args: ["lsp"], source: "setting" });
});

test("a local tool manifest runs the tool through dotnet", () => {
  const root = folder({ ".config/dotnet-tools.json": JSON.stringify({ version: 1, isRoot: true, tools: { "statementdsl.tool": { version: "0.1.0", commands: ["stmt"] } } }) });
  const server = findServer({ folders: [folder({}), root], env: { PATH: "" } });
  assert.deepStrictEqual(server, { command: "dotnet", args: ["tool", "run", "stmt", "lsp"], cwd: root, source: "local tool manifest" });
});

test("then stmt on PATH", () => {
  const bin = folder({ stmt: "#!/bin/sh\n" });
  const server = findServer({ folders: [], env: { PATH: ["/nonexistent", bin].join(path.delimiter) }, platform: "linux" });
  assert.deepStrictEqual(server, { command: path.join(bin, "stmt"), args: ["lsp"], source: "PATH" });
});

test("nothing found says what to install", () => {
  assert.strictEqual(findServer({ folders: [folder({})], env: { PATH: "" } }), null);
  assert.match(installHint, /dotnet tool install --global StatementDsl\.Tool/);
});
