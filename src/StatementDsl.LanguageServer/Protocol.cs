using System.Text.Json.Nodes;
using StatementDsl.Language.Text;

namespace StatementDsl.LanguageServer;

/// <summary>Conversions between LSP shapes (URIs, 0-based positions in UTF-16 units) and the front end's.</summary>
internal static class Protocol
{
    public static string PathOf(string uri) => Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : uri;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Uris = new(StringComparer.Ordinal);

    public static string UriOf(string path) => Uris.GetOrAdd(path, p => new Uri(Path.GetFullPath(p)).AbsoluteUri);

    public static JsonObject Range(SourceFile file, TextSpan span)
    {
        var start = file.GetPosition(span.Start);
        var end = file.GetPosition(span.End);
        return new JsonObject
        {
            ["start"] = new JsonObject { ["line"] = start.Line - 1, ["character"] = start.Column - 1 },
            ["end"] = new JsonObject { ["line"] = end.Line - 1, ["character"] = end.Column - 1 },
        };
    }

    public static JsonObject Location(SourceFile file, TextSpan span) => new() { ["uri"] = UriOf(file.Path), ["range"] = Range(file, span) };

    public static (int Line, int Character) Position(JsonNode? position) =>
        (position?["line"]?.GetValue<int>() ?? 0, position?["character"]?.GetValue<int>() ?? 0);
}
