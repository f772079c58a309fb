using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace StatementDsl.Tests.LanguageServer;

/// <summary>Starts <c>stmt lsp</c> as a process and talks JSON-RPC to it over its real stdin and stdout.</summary>
internal sealed class LspClient : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> pending = new();
    private readonly BlockingCollection<JsonObject> notifications = new();
    private int nextId;

    public LspClient()
    {
        var baseDirectory = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = baseDirectory.Parent!.Name;
        var stmt = Path.Combine(TestText.RepositoryRoot, "src", "StatementDsl.Cli", "bin", configuration, "net10.0", "stmt.dll");
        process = Process.Start(new ProcessStartInfo("dotnet", $"\"{stmt}\" lsp")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        _ = Task.Run(ReadLoop);
    }

    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    public async Task<JsonObject> RequestAsync(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref nextId);
        var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        SendRaw(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString());
        return await completion.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Sends a request without waiting, for cancellation tests.</summary>
    public (int Id, Task<JsonObject> Response) Start(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref nextId);
        var completion = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        SendRaw(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString());
        return (id, completion.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    public void Notify(string method, JsonNode? parameters) =>
        SendRaw(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters }.ToJsonString());

    public void SendRaw(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var stream = process.StandardInput.BaseStream;
        stream.Write(Encoding.ASCII.GetBytes($"Content-Length: {bytes.Length}\r\n\r\n"));
        stream.Write(bytes);
        stream.Flush();
    }

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
        var stream = process.StandardOutput.BaseStream;
        while (true)
        {
            var length = -1;
            string? line;
            while ((line = await ReadLineAsync(stream)) is { Length: > 0 })
            {
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line["Content-Length:".Length..].Trim());
                }
            }

            if (line is null || length < 0)
            {
                return;
            }

            var body = new byte[length];
            var read = 0;
            while (read < length)
            {
                var count = await stream.ReadAsync(body.AsMemory(read));
                if (count == 0)
                {
                    return;
                }

                read += count;
            }

            var message = JsonNode.Parse(body)!.AsObject();
            if (message["id"] is { } id && message["method"] is null && id.GetValueKind() == System.Text.Json.JsonValueKind.Number && pending.TryRemove(id.GetValue<int>(), out var completion))
            {
                completion.SetResult(message);
            }
            else
            {
                notifications.Add(message);
            }
        }
    }

    private static async Task<string?> ReadLineAsync(Stream stream)
    {
        var bytes = new List<byte>();
        var buffer = new byte[1];
        while (await stream.ReadAsync(buffer) == 1)
        {
            if (buffer[0] == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            }

            bytes.Add(buffer[0]);
        }

        return null;
    }
}
