using System.Diagnostics;
using System.IO.Pipes;
using System.Text.Json.Nodes;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Text;
using StatementDsl.LanguageServer;

namespace StatementDsl.Benchmarks;

/// <summary>
/// 5. Editor latency: from a one-character edit in one file of the 1,000-file workspace to the
/// diagnostics the server publishes for it, against a full check of the workspace as <c>stmt check</c>
/// makes it (<see cref="Binder.ParseAndBind"/>).
/// The server runs in process over pipes, with its debounce set to zero.
/// </summary>
internal static class LanguageServerBenchmark
{
    public static (double EditMs, double FullCheckMs) Run(Corpus corpus, int edits)
    {
        var folder = Path.Combine(Path.GetTempPath(), "stmt-lsp-" + Guid.NewGuid().ToString("N")[..8]);
        corpus.WriteTo(folder);
        var fullCheck = Median(Enumerable.Range(0, 5).Select(_ => Time(() =>
            Binder.ParseAndBind(Directory.EnumerateFiles(folder, "*.stmt", SearchOption.AllDirectories).Select(p => new SourceFile(p, File.ReadAllText(p)))))));

        using var toServer = new AnonymousPipeServerStream(PipeDirection.Out);
        using var serverInput = new AnonymousPipeClientStream(PipeDirection.In, toServer.ClientSafePipeHandle);
        using var fromServer = new AnonymousPipeServerStream(PipeDirection.In);
        using var serverOutput = new AnonymousPipeClientStream(PipeDirection.Out, fromServer.ClientSafePipeHandle);
        var server = new LanguageServer.LanguageServer(serverInput, serverOutput, TimeSpan.Zero);
        var serving = Task.Run(() => server.RunAsync());
        var client = new JsonRpcConnection(fromServer, toServer);

        var path = Directory.EnumerateFiles(Path.Combine(folder, "meetings"), "*.stmt").Order(StringComparer.Ordinal).First();
        var uri = new Uri(path).AbsoluteUri;
        var text = File.ReadAllText(path);
        Send(client, "initialize", 1, new JsonObject { ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = new Uri(folder + "/").AbsoluteUri, ["name"] = "corpus" }) });
        WaitFor(client, m => m["id"]?.GetValue<int>() == 1);
        Send(client, "textDocument/didOpen", null, new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 1, ["text"] = text } });
        WaitFor(client, m => IsDiagnosticsFor(m, uri));

        var quote = text.IndexOf("quote", StringComparison.Ordinal);
        var line = text[..quote].Count(c => c == '\n');
        var character = text.IndexOf('"', quote) + 1 - (text.LastIndexOf('\n', quote) + 1);
        var times = new List<double>();
        for (var version = 2; version < edits + 2; version++)
        {
            var clock = Stopwatch.StartNew();
            Send(client, "textDocument/didChange", null, new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
                ["contentChanges"] = new JsonArray(new JsonObject
                {
                    ["range"] = new JsonObject
                    {
                        ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
                        ["end"] = new JsonObject { ["line"] = line, ["character"] = character + (version % 2 == 0 ? 0 : 1) },
                    },
                    ["text"] = version % 2 == 0 ? "x" : string.Empty,
                }),
            });
            WaitFor(client, m => IsDiagnosticsFor(m, uri));
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        Send(client, "shutdown", 2, null);
        WaitFor(client, m => m["id"]?.GetValue<int>() == 2);
        Send(client, "exit", null, null);
        serving.Wait(TimeSpan.FromSeconds(10));
        Directory.Delete(folder, recursive: true);
        return (Median(times), fullCheck);
    }

    private static bool IsDiagnosticsFor(JsonObject message, string uri) =>
        message["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && message["params"]?["uri"]?.GetValue<string>() == uri;

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static void Send(JsonRpcConnection client, string method, int? id, JsonNode? parameters) =>
        (id is { } requestId ? client.RequestAsync(requestId, method, parameters) : client.NotifyAsync(method, parameters)).GetAwaiter().GetResult();

    private static void WaitFor(JsonRpcConnection client, Func<JsonObject, bool> accept)
    {
        while (client.ReadAsync(CancellationToken.None).GetAwaiter().GetResult() is { } read)
        {
            if (read.Message is JsonObject message && accept(message))
            {
                return;
            }
        }

        throw new InvalidOperationException("The server closed its output before the awaited message.");
    }
}
