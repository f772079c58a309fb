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

    /// <summary>Each file's syntax and declarations, kept while its text is the same string: an edit re-parses one file.</summary>
    private readonly Dictionary<string, (string Text, SyntaxFile Syntax, FileDeclarations Declarations)> parsed = new(StringComparer.Ordinal);

    /// <summary>Each file bound against <see cref="tableKey"/>'s table; kept while the ids of the workspace stay the same.</summary>
    private readonly Dictionary<string, BoundFile> bound = new(StringComparer.Ordinal);
    private string? tableKey;
    private SymbolTable? table;
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

    /// <summary>
    /// The compilation: only changed texts are re-parsed, and while the workspace's ids (the symbol
    /// table, positions aside) stay the same, only changed files are re-bound, since references resolve by
    /// id and kind alone. A change to the ids re-binds every file, for cross-file effects.
    /// </summary>
    public BoundCompilation Compilation(CancellationToken cancellationToken = default)
    {
        if (compilation is not null)
        {
            return compilation;
        }

        var paths = Paths.ToList();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var text = Text(path)!;
            if (!parsed.TryGetValue(path, out var cached) || !ReferenceEquals(cached.Text, text))
            {
                var syntax = Parser.Parse(new SourceFile(path, text), cancellationToken);
                parsed[path] = (text, syntax, Binder.Declare(syntax, cancellationToken));
                changed.Add(path);
            }
        }

        foreach (var stale in parsed.Keys.Except(paths, StringComparer.Ordinal).ToList())
        {
            parsed.Remove(stale);
            bound.Remove(stale);
        }

        var declarations = paths.Select(p => parsed[p].Declarations).ToList();
        var key = TableKey(declarations);
        if (key != tableKey || table is null)
        {
            tableKey = key;
            table = SymbolTable.Build(declarations);
            bound.Clear();
        }

        foreach (var path in paths)
        {
            if (changed.Contains(path) || !bound.ContainsKey(path))
            {
                var (_, syntax, fileDeclarations) = parsed[path];
                bound[path] = Binder.BindFile(syntax, fileDeclarations, table, cancellationToken);
            }
        }

        return compilation = BoundCompilation.Compose(bound.Values);
    }

    /// <summary>
    /// What binding other files depends on: every id with its kind, file, ordinal and placement, and
    /// each file's class. Positions count only for ids declared more than once (STMT1004 names the first).
    /// </summary>
    private static string TableKey(List<FileDeclarations> declarations)
    {
        var duplicated = declarations.SelectMany(d => d.Symbols).GroupBy(s => s.Id, StringComparer.Ordinal)
            .Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        var key = new System.Text.StringBuilder();
        foreach (var file in declarations.OrderBy(d => d.Path, StringComparer.Ordinal))
        {
            key.Append(file.Path).Append('|').Append(file.ClassName).Append('\n');
            foreach (var symbol in file.Symbols)
            {
                key.Append(symbol.Id).Append(' ').Append((int)symbol.Kind).Append(' ').Append(symbol.Ordinal).Append(symbol.Misplaced ? " m" : string.Empty);
                if (duplicated.Contains(symbol.Id))
                {
                    key.Append(' ').Append(symbol.Position.Line).Append(':').Append(symbol.Position.Column);
                }

                key.Append('\n');
            }
        }

        return key.ToString();
    }
}
