// Where `stmt lsp` is found, in order: the `statementdsl.server.command` setting when the user set it,
// a local tool manifest (`dotnet tool run stmt`) in a workspace folder, then `stmt` on PATH. Kept apart
// from extension.js, with no dependency on VS Code, so that `node --test` checks it.
"use strict";
const fs = require("fs");
const path = require("path");

/** Whether a local tool manifest (.config/dotnet-tools.json) in the folder provides the `stmt` command. */
function manifestProvidesStmt(folder) {
  const manifest = path.join(folder, ".config", "dotnet-tools.json");
  try {
    const tools = JSON.parse(fs.readFileSync(manifest, "utf8")).tools || {};
    return Object.values(tools).some((tool) => (tool.commands || []).includes("stmt"));
  } catch {
    return false;
  }
}

/** The full path of an executable on PATH, or null. */
function onPath(name, env, platform) {
  const extensions = platform === "win32" ? (env.PATHEXT || ".EXE;.CMD;.BAT").split(";") : [""];
  for (const directory of (env.PATH || env.Path || "").split(path.delimiter)) {
    for (const extension of extensions) {
      const candidate = path.join(directory, name + extension.toLowerCase());
      try {
        if (directory && fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // Not in this folder.
      }
    }
  }
  return null;
}

/**
 * The command that starts the server: { command, args, cwd?, source }, or null when none is found.
 * `configured` is the setting's value when the user set it, else undefined.
 */
function findServer({ configured, folders, env = process.env, platform = process.platform }) {
  if (Array.isArray(configured) && configured.length > 0) {
    const [command, ...args] = configured;
    return { command, args, source: "setting" };
  }
  const folder = (folders || []).find(manifestProvidesStmt);
  if (folder) {
    return { command: "dotnet", args: ["tool", "run", "stmt", "lsp"], cwd: folder, source: "local tool manifest" };
  }
  const stmt = onPath("stmt", env, platform);
  if (stmt) {
    return { command: stmt, args: ["lsp"], source: "PATH" };
  }
  return null;
}

const installHint =
  "StatementDsl: the `stmt` language server was not found. Install it with " +
  "`dotnet tool install --global StatementDsl.Tool` (or as a local tool: `dotnet new tool-manifest` then " +
  "`dotnet tool install StatementDsl.Tool`), or set `statementdsl.server.command`.";

module.exports = { findServer, manifestProvidesStmt, onPath, installHint };
