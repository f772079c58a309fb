using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json.Nodes;
using StatementDsl.LanguageServer;

namespace StatementDsl.Tests.LanguageServer;

/// <summary>Starts <c>stmt lsp</c> as a process and talks JSON-RPC to it over its real stdin and stdout.</summary>
internal sealed class LspClient : IDisposable
{
    private readonly Process process;
    private readonly JsonRpcConnection connection;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> pending = new();
    private readonly BlockingCollection<JsonObject> notifications = new();
    private int nextId;

    public LspClient()
        : this("dotnet", $"\"{StmtDll}\" lsp", null)
    {
    }

    /// <summary>Any language server started by a command, such as csharp-ls in a project folder.</summary>
    public LspClient(string fileName, string arguments, string? workingDirectory)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (workingDirectory is not null)
        {
            start.WorkingDirectory = workingDirectory;
        }

        process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        connection = new JsonRpcConnection(process.StandardOutput.BaseStream, process.StandardInput.BaseStream);
        _ = Task.Run(ReadLoop);
    }

    private static string StmtDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(TestText.RepositoryRoot, "src", "StatementDsl.Cli", "bin", configuration, "net10.0", "stmt.dll");
        }
    }

    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    /// <summary>The server process's working set now.</summary>
    public long WorkingSetBytes
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }

    /// <summary>
    /// Takes every notification that arrives until none has for <paramref name="quiet"/>, keeping the
    /// latest diagnostics of each file in <paramref name="latest"/>; false when that took longer than <paramref name="limit"/>.
    /// </summary>
    public bool DrainDiagnostics(Dictionary<string, JsonArray> latest, TimeSpan quiet, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (!notifications.TryTake(out var message, quiet))
            {
                return true;
            }

            if (message["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && message["params"]!["diagnostics"] is JsonArray diagnostics)
            {
                latest[message["params"]!["uri"]!.GetValue<string>()] = diagnostics;
            }
        }

        return false;
    }

    public async Task<JsonObject> RequestAsync(string method, JsonNode? parameters) => await Start(method, parameters).Response;

    /// <summary>Sends a request without waiting, for cancellation tests.</summary>
    public (int Id, Task<JsonObject> Response) Start(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref nextId);
        var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        connection.RequestAsync(id, method, parameters).GetAwaiter().GetResult();
        return (id, completion.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    /// <summary>The handshake an editor makes: <c>initialize</c> with the folder as the one workspace folder (none when null), then <c>initialized</c>.</summary>
    public async Task<JsonObject> InitializeAsync(string? folder)
    {
        var root = folder is null ? null : new Uri(folder.TrimEnd('/') + "/").AbsoluteUri;
        var response = await RequestAsync("initialize", new JsonObject
        {
            ["processId"] = null,
            ["rootUri"] = root,
            ["workspaceFolders"] = root is null ? null : new JsonArray(new JsonObject { ["uri"] = root, ["name"] = "workspace" }),
            ["capabilities"] = new JsonObject(),
        });
        Notify("initialized", new JsonObject());
        return response;
    }

    public void Notify(string method, JsonNode? parameters) => connection.NotifyAsync(method, parameters).GetAwaiter().GetResult();

    public void SendRaw(string body) => connection.SendBodyAsync(body).GetAwaiter().GetResult();

    /// <summary>Waits for the diagnostics of <paramref name="uri"/> that satisfy <paramref name="accept"/>.</summary>
    public JsonArray WaitForDiagnostics(string uri, Func<JsonArray, bool> accept)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if (notifications.TryTake(out var message, TimeSpan.FromMilliseconds(200))
                && message["method"]?.GetValue<string>() == "textDocument/publishDiagnostics"
                && message["params"]!["uri"]!.GetValue<string>() == uri
                && message["params"]!["diagnostics"] is JsonArray diagnostics
                && accept(diagnostics))
            {
                return diagnostics;
            }
        }

        throw new TimeoutException("No matching diagnostics for " + uri);
    }

    public void WaitForExit() => process.WaitForExit(30_000);

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private async Task ReadLoop()
    {
        while (await connection.ReadAsync(CancellationToken.None) is { Message: JsonObject message })
        {
            if (message["id"] is { } id && message["method"] is null && id.GetValueKind() == System.Text.Json.JsonValueKind.Number && pending.TryRemove(id.GetValue<int>(), out var completion))
            {
                completion.SetResult(message);
            }
            else if (message["id"] is { } requestId && message["method"] is not null)
            {
                // A request from the server (progress tokens, capability registration): accepted.
                await connection.SendResultAsync(requestId, null);
            }
            else
            {
                notifications.Add(message);
            }
        }
    }
}
