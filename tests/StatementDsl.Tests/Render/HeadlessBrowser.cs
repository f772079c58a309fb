using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace StatementDsl.Tests.Render;

/// <summary>
/// A real headless Chromium driven over the Chrome DevTools Protocol: pages are loaded as a reader's
/// browser loads them, scripts run, and every request the page makes is recorded.
/// </summary>
internal sealed class HeadlessBrowser : IDisposable
{
    private readonly Process process;
    private readonly string profile;
    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> pending = new();
    private readonly ConcurrentQueue<string> requests = new();
    private readonly CancellationTokenSource stop = new();
    private TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int nextId;

    private HeadlessBrowser(Process process, string profile)
    {
        this.process = process;
        this.profile = profile;
    }

    /// <summary>Debian's package names the binary <c>chromium</c>; others ship <c>chromium-browser</c> or Chrome.</summary>
    public static string? Executable =>
        new[] { "chromium", "chromium-browser", "google-chrome" }.Select(TestText.OnPath).FirstOrDefault(p => p is not null);

    /// <summary>Every URL requested since the last <see cref="NavigateAsync"/>.</summary>
    public IReadOnlyList<string> Requests => requests.ToList();

    public static async Task<HeadlessBrowser> StartAsync(int width = 1100, int height = 1400)
    {
        var profile = Path.Combine(Path.GetTempPath(), "stmt-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("no Chromium on PATH"))
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
            "--disable-background-networking", "--remote-debugging-port=0", "--user-data-dir=" + profile, $"--window-size={width},{height}", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var browser = new HeadlessBrowser(process, profile);
        try
        {
            string? endpoint = null;
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (endpoint is null && DateTime.UtcNow < deadline)
            {
                var line = await process.StandardError.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
                if (line is null)
                {
                    throw new InvalidOperationException("Chromium exited before it opened its DevTools port");
                }

                const string prefix = "DevTools listening on ";
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    endpoint = line[prefix.Length..].Trim();
                }
            }

            _ = process.StandardError.ReadToEndAsync();
            var port = new Uri(endpoint!).Port;
            using var http = new HttpClient();
            var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list"))!.AsArray();
            var page = targets.First(t => t!["type"]!.GetValue<string>() == "page")!["webSocketDebuggerUrl"]!.GetValue<string>();
            await browser.socket.ConnectAsync(new Uri(page), CancellationToken.None);
            _ = Task.Run(browser.ReceiveAsync);
            await browser.SendAsync("Page.enable");
            await browser.SendAsync("Network.enable");
            return browser;
        }
        catch
        {
            browser.Dispose();
            throw;
        }
    }

    public async Task NavigateAsync(string url)
    {
        requests.Clear();
        loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url });
        await loaded.Task.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Evaluates a JavaScript expression in the page and returns its value, awaited when it is a promise.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var response = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (response["result"]?["exceptionDetails"] is { } exception)
        {
            throw new InvalidOperationException("The page threw: " + exception.ToJsonString());
        }

        return response["result"]?["result"]?["value"]?.DeepClone();
    }

    public async Task<byte[]> ScreenshotAsync()
    {
        var response = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = false });
        return Convert.FromBase64String(response["result"]!["data"]!.GetValue<string>());
    }

    public void Dispose()
    {
        stop.Cancel();
        socket.Dispose();
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still hold a lock file for a moment; the folder is in the temporary folder.
        }
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject? parameters = null)
    {
        var id = Interlocked.Increment(ref nextId);
        var response = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = response;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        await socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var result = await response.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return result["error"] is { } error ? throw new InvalidOperationException(method + " failed: " + error.ToJsonString()) : result;
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        try
        {
            while (!stop.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var received = await socket.ReceiveAsync(buffer, stop.Token);
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage)
                {
                    continue;
                }

                var json = JsonNode.Parse(message.ToArray())!.AsObject();
                message.SetLength(0);
                if (json["id"] is { } id && pending.TryRemove(id.GetValue<int>(), out var waiting))
                {
                    waiting.TrySetResult(json);
                }
                else if (json["method"]?.GetValue<string>() is "Network.requestWillBeSent")
                {
                    requests.Enqueue(json["params"]!["request"]!["url"]!.GetValue<string>());
                }
                else if (json["method"]?.GetValue<string>() is "Page.loadEventFired")
                {
                    loaded.TrySetResult();
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The browser is closing.
        }
    }
}
