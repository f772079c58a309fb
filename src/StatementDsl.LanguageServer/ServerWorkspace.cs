using StatementDsl.Language.Provenance;
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
    private readonly Dictionary<string, (string Text, SyntaxFile Syntax, FileDeclarations Declarations, string Shape)> parsed = new(StringComparer.Ordinal);

    /// <summary>Each file bound against <see cref="table"/>; kept while the ids of the workspace stay the same.</summary>
    private readonly Dictionary<string, BoundFile> bound = new(StringComparer.Ordinal);
    private SymbolTable? table;
    private BoundCompilation? compilation;

    /// <summary>Source documents the editor has open (a report beside its .stmt file), read before the disk.</summary>
    private readonly Dictionary<string, string> openDocuments = new(StringComparer.Ordinal);

    /// <summary>The source documents quotes are checked against, each indexed once until it changes.</summary>
    private readonly SourceDocuments documents;

    public ServerWorkspace() =>
        documents = new SourceDocuments(path => openDocuments.TryGetValue(path, out var open) ? SourceDocumentText.Found(open) : SourceDocumentFiles.Read(path));

    /// <summary>Whether a path is a .stmt file; any other file may be a source document.</summary>
    private static bool IsStatementFile(string path) => path.EndsWith(".stmt", StringComparison.OrdinalIgnoreCase);

    /// <summary>A source document changed: quotes are looked up again in its new text.</summary>
    private void DocumentChanged(string path)
    {
        if (SourceDocuments.FullPath(path) is { } full)
        {
            documents.Forget(full);
        }

        compilation = null;
    }

    public object Gate { get; } = new();

    public void AddFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var path in StatementFolders.Find(folder))
        {
            ReadFromDisk(path);
        }
    }

    public void ReadFromDisk(string path)
    {
        if (!IsStatementFile(path))
        {
            DocumentChanged(path);
            return;
        }

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

    /// <summary>Forgets the files under a folder the editor closed, but for the buffers it still has open.</summary>
    public void RemoveFolder(string folder)
    {
        var prefix = folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        foreach (var path in diskTexts.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            diskTexts.Remove(path);
        }

        compilation = null;
    }

    public void Deleted(string path)
    {
        if (!IsStatementFile(path))
        {
            DocumentChanged(path);
            return;
        }

        diskTexts.Remove(path);
        compilation = null;
    }

    public void Open(string path, string text)
    {
        if (!IsStatementFile(path))
        {
            openDocuments[path] = text;
            DocumentChanged(path);
            return;
        }

        openTexts[path] = text;
        compilation = null;
    }

    public void Close(string path)
    {
        if (!IsStatementFile(path))
        {
            openDocuments.Remove(path);
            DocumentChanged(path);
            return;
        }

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
        var texts = IsStatementFile(path) ? openTexts : openDocuments;
        var current = (IsStatementFile(path) ? Text(path) : openDocuments.GetValueOrDefault(path)) ?? string.Empty;
        if (start is null || end is null)
        {
            texts[path] = newText;
        }
        else
        {
            var file = new SourceFile(path, current);
            var from = file.GetOffset(start.Value.Line, start.Value.Character);
            var to = Math.Max(from, file.GetOffset(end.Value.Line, end.Value.Character));
            texts[path] = string.Concat(current.AsSpan(0, from), newText, current.AsSpan(to));
        }

        if (!IsStatementFile(path))
        {
            DocumentChanged(path);
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
        var idsChanged = table is null;
        foreach (var path in paths)
        {
            var text = Text(path)!;
            if (!parsed.TryGetValue(path, out var cached) || !ReferenceEquals(cached.Text, text))
            {
                var syntax = Parser.Parse(new SourceFile(path, text), cancellationToken);
                var declarations = Binder.Declare(syntax, cancellationToken);
                var shape = Shape(declarations, table);
                idsChanged |= cached.Shape != shape;
                parsed[path] = (text, syntax, declarations, shape);
                changed.Add(path);
            }
        }

        foreach (var stale in parsed.Keys.Except(paths, StringComparer.Ordinal).ToList())
        {
            parsed.Remove(stale);
            bound.Remove(stale);
            idsChanged = true;
        }

        if (idsChanged)
        {
            table = SymbolTable.Build(paths.Select(p => parsed[p].Declarations));
            bound.Clear();
        }

        foreach (var path in paths)
        {
            if (changed.Contains(path) || !bound.ContainsKey(path))
            {
                var (_, syntax, fileDeclarations, _) = parsed[path];
                bound[path] = Binder.BindFile(syntax, fileDeclarations, table!, cancellationToken);
            }
        }

        return compilation = BoundCompilation.Compose(bound.Values, documents);
    }

    /// <summary>The syntax a file of the current compilation was bound from: the bound model keeps spans, the workspace keeps the trees.</summary>
    public SyntaxFile SyntaxOf(BoundFile file) => parsed[file.Path].Syntax;

    /// <summary>
    /// What binding other files depends on, for one file: its class and every id with its kind, ordinal
    /// and placement; positions too for an id also declared elsewhere (STMT1004 names the first).
    /// </summary>
    private static string Shape(FileDeclarations declarations, SymbolTable? table)
    {
        var key = new System.Text.StringBuilder(declarations.ClassName).Append('\n');
        foreach (var symbol in declarations.Symbols)
        {
            key.Append(symbol.Id).Append(' ').Append((int)symbol.Kind).Append(' ').Append(symbol.Ordinal).Append(symbol.Misplaced ? " m" : string.Empty);
            if (table?.Lookup(symbol.Id) is { } first && (first.Path != symbol.Path || first.Ordinal != symbol.Ordinal))
            {
                key.Append(' ').Append(symbol.Position.Line).Append(':').Append(symbol.Position.Column);
            }

            key.Append('\n');
        }

        return key.ToString();
    }
}
