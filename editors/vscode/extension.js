// Starts `stmt lsp` for .stmt files: every feature (diagnostics, navigation, rename, completion,
// semantic colouring, folding, code lenses, formatting, quick fixes) comes from the language server
// shared with the other editors. server.js says where the server is found.
"use strict";
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");
const { findServer, installHint } = require("./server");

let client;

function configuredCommand() {
  const inspected = vscode.workspace.getConfiguration("statementdsl").inspect("server.command");
  return inspected && (inspected.workspaceFolderValue || inspected.workspaceValue || inspected.globalValue);
}

async function start() {
  const folders = (vscode.workspace.workspaceFolders || []).map((f) => f.uri.fsPath);
  const server = findServer({ configured: configuredCommand(), folders });
  if (!server) {
    const choice = await vscode.window.showErrorMessage(installHint, "Open install instructions");
    if (choice) {
      vscode.env.openExternal(vscode.Uri.parse("https://github.com/statementdsl/statementdsl#checking-files-without-a-c-project"));
    }
    return;
  }
  client = new LanguageClient(
    "statementdsl",
    "StatementDsl",
    { command: server.command, args: server.args, options: server.cwd ? { cwd: server.cwd } : undefined },
    {
      documentSelector: [{ scheme: "file", language: "stmt" }, { scheme: "untitled", language: "stmt" }],
      // Text and Markdown files may be a transcript's source_document, project files say which .stmt files
      // compile together, and .editorconfig sets severities: the server hears when any of them changes.
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/{*.stmt,*.txt,*.md,*.csproj,.editorconfig}") },
    });
  await client.start();
}

async function restart() {
  if (client) {
    const stopping = client;
    client = undefined;
    await stopping.stop();
  }
  await start();
}

function activate(context) {
  context.subscriptions.push(vscode.commands.registerCommand("statementdsl.restartServer", restart));
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
