using StatementDsl.Language.Provenance;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.LanguageServer;

/// <summary>
/// The .stmt files of the workspace: files from disk, overridden by the editor's open buffers, bound in
/// the compilations the build would make of them (<see cref="CompilationScopes"/>: a project's files
/// together, a folder's without a project together, a file outside both alone). Re-bound lazily after
/// each change.
/// </summary>
internal sealed class ServerWorkspace
{
    private readonly Dictionary<string, string> diskTexts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> openTexts = new(StringComparer.Ordinal);

    /// <summary>Each file's syntax and declarations, kept while its text is the same string: an edit re-parses one file.</summary>
    private readonly Dictionary<string, (string Text, SyntaxFile Syntax, FileDeclarations Declarations)> parsed = new(StringComparer.Ordinal);

    /// <summary>Each compilation by its scope key; a scope keeps its symbol table and bound files between edits.</summary>
    private readonly Dictionary<string, Unit> units = new(StringComparer.Ordinal);
    private readonly CompilationScopes scopes = new();
    private List<Unit>? compilations;
    private BoundCompilation? compilation;

    /// <summary>Source documents the editor has open (a report beside its .stmt file), read before the disk.</summary>
    private readonly Dictionary<string, string> openDocuments = new(StringComparer.Ordinal);

    /// <summary>The source documents quotes are checked against, each indexed once until it changes.</summary>
    private readonly SourceDocuments documents;

    public ServerWorkspace() =>
        documents = new SourceDocuments(path => openDocuments.TryGetValue(path, out var open) ? SourceDocumentText.Found(open) : SourceDocumentFiles.Read(path));

    /// <summary>Whether a path is a .stmt file; any other file may be a source document.</summary>
    private static bool IsStatementFile(string path) => path.EndsWith(".stmt", StringComparison.OrdinalIgnoreCase);

    /// <summary>The .editorconfig files above the workspace's files, for the severities the build gives.</summary>
    public EditorConfigFiles EditorConfig { get; } = new();

    /// <summary>A file other than a .stmt changed: a source document, whose quotes are looked up again, or an .editorconfig.</summary>
    private void DocumentChanged(string path)
    {
        if (EditorConfigFiles.IsEditorConfig(path))
        {
            EditorConfig.Forget();
        }

        if (CompilationScopes.IsProjectFile(path))
        {
            scopes.Forget();
        }

        if (SourceDocuments.FullPath(path) is { } full)
        {
            documents.Forget(full);
        }

        Invalidate();
    }

    public object Gate { get; } = new();

    public void AddFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        scopes.AddFolder(folder);

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

        Invalidate();
    }

    /// <summary>Forgets the files under a folder the editor closed, but for the buffers it still has open.</summary>
    public void RemoveFolder(string folder)
    {
        scopes.RemoveFolder(folder);
        var prefix = folder.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        foreach (var path in diskTexts.Keys.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            diskTexts.Remove(path);
        }

        Invalidate();
    }

    public void Deleted(string path)
    {
        if (!IsStatementFile(path))
        {
            DocumentChanged(path);
            return;
        }

        diskTexts.Remove(path);
        Invalidate();
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
        Invalidate();
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

        Invalidate();
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

        Invalidate();
    }

    public IEnumerable<string> Paths => diskTexts.Keys.Union(openTexts.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>The compilation a file belongs to; the first one when the file is not in the workspace.</summary>
    public BoundCompilation Compilation(CancellationToken cancellationToken = default) =>
        compilation ??= Compilations(cancellationToken).Select(u => u.Compilation!).FirstOrDefault() ?? BoundCompilation.Compose([]);

    /// <summary>The compilation holding <paramref name="path"/>, or null when no compilation has it.</summary>
    public BoundCompilation? CompilationOf(string? path, CancellationToken cancellationToken = default) =>
        path is null ? null : Compilations(cancellationToken).FirstOrDefault(u => u.Bound.ContainsKey(path))?.Compilation;

    /// <summary>Every compilation of the workspace, in ordinal order of their scopes.</summary>
    public IEnumerable<BoundCompilation> AllCompilations(CancellationToken cancellationToken = default) =>
        Compilations(cancellationToken).Select(u => u.Compilation!);

    /// <summary>Whether the file is checked alone (outside any project or workspace folder): its unresolved references are then reported once.</summary>
    public bool IsAlone(BoundFile file) => units.Values.Any(u => u.Alone && u.Bound.ContainsKey(file.Path));

    private void Invalidate()
    {
        compilation = null;
        compilations = null;
    }

    /// <summary>
    /// Every compilation: only changed texts are re-parsed, and while a scope's ids (the symbol table,
    /// positions aside) stay the same, only its changed files are re-bound, since references resolve by
    /// id and kind alone. A change to a scope's ids re-binds its files, for cross-file effects.
    /// </summary>
    private List<Unit> Compilations(CancellationToken cancellationToken)
    {
        if (compilations is not null)
        {
            return compilations;
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
        }

        var byScope = paths.GroupBy(p => scopes.Of(p)).ToDictionary(g => g.Key.Key, g => (g.Key.Alone, Paths: g.ToList()), StringComparer.Ordinal);
        foreach (var gone in units.Keys.Except(byScope.Keys, StringComparer.Ordinal).ToList())
        {
            units.Remove(gone);
        }

        foreach (var (key, (alone, scopePaths)) in byScope.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (!units.TryGetValue(key, out var unit))
            {
                units.Add(key, unit = new Unit(alone));
            }

            unit.Update(scopePaths, parsed, changed, documents, cancellationToken);
        }

        return compilations = units.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => u.Value).ToList();
    }

    /// <summary>The syntax a file of the current compilation was bound from: the bound model keeps spans, the workspace keeps the trees.</summary>
    public SyntaxFile SyntaxOf(BoundFile file) => parsed[file.Path].Syntax;

    /// <summary>One compilation: its symbol table, each file's shape against it, and each file bound.</summary>
    private sealed class Unit(bool alone)
    {
        private readonly Dictionary<string, string> shapes = new(StringComparer.Ordinal);
        private SymbolTable? table;

        public bool Alone { get; } = alone;

        public Dictionary<string, BoundFile> Bound { get; } = new(StringComparer.Ordinal);

        public BoundCompilation? Compilation { get; private set; }

        public void Update(List<string> paths, Dictionary<string, (string Text, SyntaxFile Syntax, FileDeclarations Declarations)> parsed, HashSet<string> changed,
            SourceDocuments documents, CancellationToken cancellationToken)
        {
            var idsChanged = table is null || paths.Count != Bound.Count || paths.Any(p => !Bound.ContainsKey(p));
            foreach (var path in paths.Where(p => changed.Contains(p) || !shapes.ContainsKey(p)))
            {
                var shape = Shape(parsed[path].Declarations, table);
                idsChanged |= !shapes.TryGetValue(path, out var before) || before != shape;
                shapes[path] = shape;
            }

            foreach (var stale in shapes.Keys.Except(paths, StringComparer.Ordinal).ToList())
            {
                shapes.Remove(stale);
            }

            if (idsChanged)
            {
                table = SymbolTable.Build(paths.Select(p => parsed[p].Declarations));
                Bound.Clear();
            }

            foreach (var path in paths)
            {
                if (changed.Contains(path) || !Bound.ContainsKey(path))
                {
                    var (_, syntax, declarations) = parsed[path];
                    Bound[path] = Binder.BindFile(syntax, declarations, table!, cancellationToken);
                }
            }

            // Composed anew after any change, so that cross-file rules and quotes are looked at again.
            Compilation = BoundCompilation.Compose(Bound.Values, documents);
        }
    }

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
