using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using StatementDsl.Language.Diagnostics;

namespace StatementDsl.LanguageServer;

/// <summary>
/// The LSP 3.17 server: lifecycle, text sync, diagnostics published after a quiet period, and the
/// requests of <see cref="Features"/>. Each request runs on its own task with its own cancellation,
/// so a slow request never blocks another and a failing one answers with an error, not a crash.
/// </summary>
public sealed class LanguageServer
{
    private const int ParseError = -32700;
    private const int InvalidRequest = -32600;
    private const int MethodNotFound = -32601;
    private const int InternalError = -32603;
    private const int ServerNotInitialized = -32002;
    private const int RequestCancelled = -32800;

    private readonly JsonRpcConnection connection;
    private readonly ServerWorkspace workspace = new();
    private readonly ConcurrentDictionary<string, CancellationTokenSource> running = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> published = new(StringComparer.Ordinal);

    /// <summary>The bound file each publication came from: an unchanged file (same object) needs no new comparison.</summary>
    private readonly Dictionary<string, Language.Semantics.BoundFile> publishedFrom = new(StringComparer.Ordinal);

    /// <summary>The files last published with a diagnostic of a cross-file rule: they are published again whatever else changed.</summary>
    private readonly HashSet<string> publishedCrossFile = new(StringComparer.Ordinal);

    /// <summary>Documents the editor changed since the last publication: they always get a fresh set, even an unchanged one.</summary>
    private readonly HashSet<string> edited = new(StringComparer.Ordinal);
    private readonly TimeSpan debounce;
    private CancellationTokenSource? pendingPublish;
    private bool initialized;
    private bool shutdownRequested;

    public LanguageServer(Stream input, Stream output, TimeSpan? debounce = null)
    {
        connection = new JsonRpcConnection(input, output);
        this.debounce = debounce ?? TimeSpan.FromMilliseconds(150);
    }

    /// <summary>Serves until <c>exit</c> or the end of the input; returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        while (await connection.ReadAsync(cancellationToken) is { } read)
        {
            if (read.Malformed is not null)
            {
                await connection.SendErrorAsync(null, ParseError, "Malformed message: " + read.Malformed);
                continue;
            }

            if (read.Message is not JsonObject message || message["method"] is not JsonValue methodValue || methodValue.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                await connection.SendErrorAsync((read.Message as JsonObject)?["id"], InvalidRequest, "Not a JSON-RPC request or notification");
                continue;
            }

            var method = methodValue.GetValue<string>();
            var id = message["id"];
            if (method == "exit")
            {
                return shutdownRequested ? 0 : 1;
            }

            if (id is null)
            {
                try
                {
                    await NotificationAsync(method, message["params"]);
                }
                catch (Exception exception) when (exception is InvalidOperationException or FormatException or ArgumentException or IOException)
                {
                    // A malformed notification has no id to answer; it is dropped and the server serves on.
                }
            }
            else
            {
                Dispatch(id, method, message["params"]);
            }
        }

        return shutdownRequested ? 0 : 1;
    }

    private void Dispatch(JsonNode id, string method, JsonNode? parameters)
    {
        var key = id.ToJsonString();
        var cancellation = new CancellationTokenSource();
        running[key] = cancellation;
        _ = Task.Run(async () =>
        {
            try
            {
                var result = Handle(method, parameters, cancellation.Token);
                await connection.SendResultAsync(id, result);
            }
            catch (OperationCanceledException)
            {
                await connection.SendErrorAsync(id, RequestCancelled, "The request was cancelled");
            }
            catch (LspException exception)
            {
                await connection.SendErrorAsync(id, exception.Code, exception.Message);
            }
            catch (Exception exception)
            {
                await connection.SendErrorAsync(id, InternalError, $"{method} failed: {exception.Message}");
            }
            finally
            {
                running.TryRemove(key, out _);
                cancellation.Dispose();
            }
        });
    }

    private JsonNode? Handle(string method, JsonNode? parameters, CancellationToken cancellationToken)
    {
        if (method == "initialize")
        {
            return Initialize(parameters);
        }

        if (!initialized)
        {
            throw new LspException(ServerNotInitialized, "initialize first");
        }

        if (method == "shutdown")
        {
            shutdownRequested = true;
            return null;
        }

        lock (workspace.Gate)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var documentPath = parameters?["textDocument"]?["uri"]?.GetValue<string>() is { } uri ? Protocol.PathOf(uri) : null;
            var features = new Features(workspace, documentPath, cancellationToken);
            return method switch
            {
                "textDocument/definition" => features.Definition(parameters),
                "textDocument/references" => features.References(parameters),
                "textDocument/prepareRename" => features.PrepareRename(parameters),
                "textDocument/rename" => features.Rename(parameters),
                "textDocument/hover" => features.Hover(parameters),
                "textDocument/completion" => features.Completion(parameters),
                "textDocument/documentSymbol" => features.DocumentSymbols(parameters),
                "textDocument/formatting" => features.Formatting(parameters),
                "textDocument/codeAction" => features.CodeActions(parameters),
                "textDocument/foldingRange" => features.FoldingRanges(parameters),
                "textDocument/documentHighlight" => features.DocumentHighlights(parameters),
                "workspace/symbol" => features.WorkspaceSymbols(parameters),
                "textDocument/semanticTokens/full" => features.SemanticTokens(parameters),
                "textDocument/codeLens" => features.CodeLenses(parameters),
                _ => throw new LspException(MethodNotFound, "Unknown method " + method),
            };
        }
    }

    private JsonNode Initialize(JsonNode? parameters)
    {
        lock (workspace.Gate)
        {
            var folders = parameters?["workspaceFolders"]?.AsArray().Select(f => f?["uri"]?.GetValue<string>()).OfType<string>().ToList() ?? [];
            if (folders.Count == 0 && parameters?["rootUri"]?.GetValue<string>() is { } root)
            {
                folders.Add(root);
            }

            foreach (var folder in folders)
            {
                workspace.AddFolder(Protocol.PathOf(folder));
            }
        }

        initialized = true;
        SchedulePublish();
        return new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["positionEncoding"] = "utf-16",
                ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 2 },
                ["definitionProvider"] = true,
                ["referencesProvider"] = true,
                ["renameProvider"] = new JsonObject { ["prepareProvider"] = true },
                ["hoverProvider"] = true,
                ["completionProvider"] = new JsonObject { ["triggerCharacters"] = new JsonArray(":", "[", ",") },
                ["documentSymbolProvider"] = true,
                ["documentFormattingProvider"] = true,
                ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = new JsonArray("quickfix") },
                ["foldingRangeProvider"] = true,
                ["workspaceSymbolProvider"] = true,
                ["documentHighlightProvider"] = true,
                ["semanticTokensProvider"] = new JsonObject { ["legend"] = SemanticTokens.Legend, ["full"] = true },
                ["codeLensProvider"] = new JsonObject { ["resolveProvider"] = false },
                ["workspace"] = new JsonObject { ["workspaceFolders"] = new JsonObject { ["supported"] = true, ["changeNotifications"] = true } },
            },
            ["serverInfo"] = new JsonObject { ["name"] = "stmt", ["version"] = typeof(LanguageServer).Assembly.GetName().Version?.ToString(3) },
        };
    }

    private Task NotificationAsync(string method, JsonNode? parameters)
    {
        if (method == "$/cancelRequest")
        {
            if (parameters?["id"] is { } id && running.TryGetValue(id.ToJsonString(), out var cancellation))
            {
                cancellation.Cancel();
            }

            return Task.CompletedTask;
        }

        lock (workspace.Gate)
        {
            var document = parameters?["textDocument"];
            var path = document?["uri"]?.GetValue<string>() is { } uri ? Protocol.PathOf(uri) : null;
            if (path is not null)
            {
                edited.Add(Protocol.UriOf(path));
            }

            switch (method)
            {
                case "textDocument/didOpen" when path is not null:
                    workspace.Open(path, document!["text"]?.GetValue<string>() ?? string.Empty);
                    break;
                case "textDocument/didChange" when path is not null:
                    foreach (var change in parameters!["contentChanges"]?.AsArray() ?? [])
                    {
                        var range = change?["range"];
                        workspace.Change(path, range is null ? null : Protocol.Position(range["start"]), range is null ? null : Protocol.Position(range["end"]),
                            change?["text"]?.GetValue<string>() ?? string.Empty);
                    }

                    break;
                case "textDocument/didClose" when path is not null:
                    workspace.Close(path);
                    break;
                case "workspace/didChangeWorkspaceFolders":
                    foreach (var removed in parameters?["event"]?["removed"]?.AsArray() ?? [])
                    {
                        workspace.RemoveFolder(Protocol.PathOf(removed?["uri"]?.GetValue<string>() ?? string.Empty));
                    }

                    foreach (var added in parameters?["event"]?["added"]?.AsArray() ?? [])
                    {
                        workspace.AddFolder(Protocol.PathOf(added?["uri"]?.GetValue<string>() ?? string.Empty));
                    }

                    break;
                case "workspace/didChangeWatchedFiles":
                    foreach (var change in parameters?["changes"]?.AsArray() ?? [])
                    {
                        var changed = Protocol.PathOf(change?["uri"]?.GetValue<string>() ?? string.Empty);
                        if (change?["type"]?.GetValue<int>() == 3)
                        {
                            workspace.Deleted(changed);
                        }
                        else
                        {
                            workspace.ReadFromDisk(changed);
                        }
                    }

                    break;
                default:
                    return Task.CompletedTask;
            }
        }

        SchedulePublish();
        return Task.CompletedTask;
    }

    /// <summary>Publishes after a quiet period, so that typing does not re-bind on every keystroke.</summary>
    private void SchedulePublish()
    {
        var cancellation = new CancellationTokenSource();
        Interlocked.Exchange(ref pendingPublish, cancellation)?.Cancel();
        _ = Task.Run(async () =>
        {
            try
            {
                await Task.Delay(debounce, cancellation.Token);
                await PublishAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                // A newer change scheduled its own publication.
            }
        });
    }

    /// <summary>
    /// The diagnostics of a file checked alone: its references to ids declared elsewhere cannot resolve,
    /// so they are one information at the first of them rather than an error at every use.
    /// </summary>
    private static IReadOnlyList<Diagnostic> UnresolvedOnce(IReadOnlyList<Diagnostic> diagnostics)
    {
        var unresolved = diagnostics.Where(d => d.Id == Rules.UnknownReference.Id).ToList();
        if (unresolved.Count == 0)
        {
            return diagnostics;
        }

        var once = new Diagnostic(
            Rules.UnknownReference,
            $"This file is checked alone (it is in no project or workspace folder), so {unresolved.Count} reference(s) to ids declared elsewhere are not resolved; open its folder to check them",
            unresolved[0].Location) { Severity = Severity.Info };
        return diagnostics.Where(d => d.Id != Rules.UnknownReference.Id).Append(once).OrderBy(d => d.Location.Span.Start).ToList();
    }

    /// <summary>Sends diagnostics for every file whose diagnostics changed, so cross-file effects reach files not being edited.</summary>
    private async Task PublishAsync(CancellationToken cancellationToken)
    {
        List<(string Uri, JsonArray Diagnostics)> changed = [];
        lock (workspace.Gate)
        {
            var current = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (compilation, file) in workspace.AllCompilations(cancellationToken).SelectMany(c => c.Files.Select(f => (c, f))))
            {
                var uri = Protocol.UriOf(file.Path);
                current.Add(uri);
                var ownAndCrossFile = compilation.DiagnosticsOf(file);
                var fileDiagnostics = workspace.EditorConfig.Apply(file.Path, workspace.IsAlone(file) ? UnresolvedOnce(ownAndCrossFile) : ownAndCrossFile);

                // A file bound as before has the same diagnostics, unless a cross-file rule (STMT1016) reports on it now or did before.
                var crossFile = !ReferenceEquals(ownAndCrossFile, file.Diagnostics);
                if (publishedFrom.TryGetValue(uri, out var previousFile) && ReferenceEquals(previousFile, file) && !edited.Contains(uri)
                    && !crossFile && !publishedCrossFile.Contains(uri))
                {
                    continue;
                }

                publishedFrom[uri] = file;
                if (crossFile)
                {
                    publishedCrossFile.Add(uri);
                }
                else
                {
                    publishedCrossFile.Remove(uri);
                }

                var diagnostics = new JsonArray(fileDiagnostics.Select(d => (JsonNode)Features.ToLsp(workspace.SyntaxOf(file).Source, d)).ToArray());
                var text = diagnostics.ToJsonString();
                if (!published.TryGetValue(uri, out var previous) || previous != text || edited.Contains(uri))
                {
                    published[uri] = text;
                    changed.Add((uri, diagnostics));
                }
            }

            edited.Clear();
            foreach (var gone in published.Keys.Where(u => !current.Contains(u)).ToList())
            {
                published.Remove(gone);
                publishedFrom.Remove(gone);
                publishedCrossFile.Remove(gone);
                changed.Add((gone, []));
            }
        }

        foreach (var (uri, diagnostics) in changed)
        {
            await connection.NotifyAsync("textDocument/publishDiagnostics", new JsonObject { ["uri"] = uri, ["diagnostics"] = diagnostics });
        }
    }
}

/// <summary>A request failure with a JSON-RPC error code.</summary>
internal sealed class LspException(int code, string message) : Exception(message)
{
    public int Code { get; } = code;
}
