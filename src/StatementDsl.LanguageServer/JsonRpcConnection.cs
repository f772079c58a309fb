using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace StatementDsl.LanguageServer;

/// <summary>
/// JSON-RPC 2.0 framed with <c>Content-Length</c> headers (the LSP base protocol) over two streams.
/// The server talks through it, and so do the test and benchmark clients, so the framing is written once.
/// </summary>
internal sealed class JsonRpcConnection(Stream input, Stream output)
{
    private readonly SemaphoreSlim writeLock = new(1, 1);

    /// <summary>The next message's body, or null at the end of the input. A body that is not JSON comes back as a string.</summary>
    public async Task<(JsonNode? Message, string? Malformed)?> ReadAsync(CancellationToken cancellationToken)
    {
        var length = -1;
        while (true)
        {
            var line = await ReadHeaderLineAsync(cancellationToken);
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                int.TryParse(line[(colon + 1)..].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out length);
            }
        }

        if (length < 0)
        {
            return (null, "missing or invalid Content-Length header");
        }

        var body = new byte[length];
        var read = 0;
        while (read < length)
        {
            var count = await input.ReadAsync(body.AsMemory(read, length - read), cancellationToken);
            if (count == 0)
            {
                return null;
            }

            read += count;
        }

        try
        {
            return (JsonNode.Parse(body), null);
        }
        catch (JsonException exception)
        {
            return (null, exception.Message);
        }
    }

    public Task SendResultAsync(JsonNode? id, JsonNode? result) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["result"] = result });

    public Task SendErrorAsync(JsonNode? id, int code, string message) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["error"] = new JsonObject { ["code"] = code, ["message"] = message } });

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>A request, as a client sends it; the response comes back through <see cref="ReadAsync"/>.</summary>
    public Task RequestAsync(int id, string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });

    /// <summary>Frames any body, JSON or not: the tests send malformed ones on purpose.</summary>
    public async Task SendBodyAsync(string text)
    {
        var body = Encoding.UTF8.GetBytes(text);
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await writeLock.WaitAsync();
        try
        {
            await output.WriteAsync(header);
            await output.WriteAsync(body);
            await output.FlushAsync();
        }
        finally
        {
            writeLock.Release();
        }
    }

    private Task SendAsync(JsonObject message) => SendBodyAsync(message.ToJsonString());

    private async Task<string?> ReadHeaderLineAsync(CancellationToken cancellationToken)
    {
        var bytes = new List<byte>();
        var buffer = new byte[1];
        while (true)
        {
            if (await input.ReadAsync(buffer, cancellationToken) == 0)
            {
                return bytes.Count == 0 ? null : Encoding.ASCII.GetString(bytes.ToArray());
            }

            if (buffer[0] == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            }

            bytes.Add(buffer[0]);
        }
    }
}
