// Starts `stmt lsp` for .stmt files: every feature (diagnostics, navigation, rename, completion,
// formatting, quick fixes) comes from the language server shared with the other editors.
const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration("statementdsl").get("server.command");
  client = new LanguageClient(
    "statementdsl",
    "StatementDsl",
    { command, args },
    {
      documentSelector: [{ scheme: "file", language: "stmt" }],
      // Text and Markdown files may be a transcript's source_document: quotes are re-checked when they change.
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/*.{stmt,txt,md}") },
    });
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
