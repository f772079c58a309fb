using StatementDsl.Language.Semantics;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.LanguageServer;

/// <summary>
/// The .stmt files of the workspace folders as one compilation (ids are global): files from disk,
/// overridden by the editor's open buffers. Re-bound lazily after each change.
/// </summary>
internal sealed class ServerWorkspace
{
    private readonly Dictionary<string, string> diskTexts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> openTexts = new(StringComparer.Ordinal);
    private BoundCompilation? compilation;

    public object Gate { get; } = new();

    public void AddFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.stmt", SearchOption.AllDirectories))
        {
            ReadFromDisk(path);
        }
    }

    public void ReadFromDisk(string path)
    {
        try
        {
            var text = File.ReadAllText(path);
            diskTexts[path] = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diskTexts.Remove(path);
        }

        compilation = null;
    }

    public void Deleted(string path)
    {
        diskTexts.Remove(path);
        compilation = null;
    }

    public void Open(string path, string text)
    {
        openTexts[path] = text;
        compilation = null;
    }

    public void Close(string path)
    {
        openTexts.Remove(path);
        if (File.Exists(path))
        {
            ReadFromDisk(path);
        }

        compilation = null;
    }

    public string? Text(string path) => openTexts.TryGetValue(path, out var open) ? open : diskTexts.GetValueOrDefault(path);

    /// <summary>Applies an LSP content change: a range and its new text, or the whole text when there is no range.</summary>
    public void Change(string path, (int Line, int Character)? start, (int Line, int Character)? end, string newText)
    {
        var current = Text(path) ?? string.Empty;
        if (start is null || end is null)
        {
            openTexts[path] = newText;
        }
        else
        {
            var file = new SourceFile(path, current);
            var from = file.GetOffset(start.Value.Line, start.Value.Character);
            var to = Math.Max(from, file.GetOffset(end.Value.Line, end.Value.Character));
            openTexts[path] = string.Concat(current.AsSpan(0, from), newText, current.AsSpan(to));
        }

        compilation = null;
    }

    public IEnumerable<string> Paths => diskTexts.Keys.Union(openTexts.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);

    public BoundCompilation Compilation(CancellationToken cancellationToken = default) =>
        compilation ??= Binder.Bind(Paths.Select(p => Parser.Parse(new SourceFile(p, Text(p)!), cancellationToken)), cancellationToken);
}
