using StatementDsl.Language.Syntax;
using StatementDsl.Language.Text;

namespace StatementDsl.Language.Semantics;

/// <summary>
/// A declared id: what the rest of a compilation needs to know of another file's declaration.
/// <see cref="Ordinal"/> (the declaration's place among the file's ids) identifies it whatever the
/// text around it; the span and position only serve messages (STMT1004), so a host that reports no
/// diagnostics may leave them out and keep its id table unchanged by edits that move text.
/// <see cref="Misplaced"/> ids are reported where declared (STMT1014) and resolve to nothing, silently.
/// </summary>
public sealed record DeclaredSymbol(string Id, DeclarationKind Kind, string Path, int Ordinal, TextSpan Span, LinePosition Position, bool Misplaced)
{
    public string DisplayLocation => string.Concat(Path, "(", Position.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), ",",
        Position.Column.ToString(System.Globalization.CultureInfo.InvariantCulture), ")");
}

/// <summary>The ids and class name one file declares: the small summary combined across files.</summary>
public sealed record FileDeclarations(string Path, string ClassName, IReadOnlyList<DeclaredSymbol> Symbols);

/// <summary>
/// Ids of all files of a compilation. The first declaration of an id, and the first file of a class
/// name, are the first by ordinal path (then by place in the file), whatever order the files arrive
/// in, so a table may be built at once (<see cref="Build"/>) or file by file as each is bound
/// (<see cref="Add"/>), while its ids are still in the processor's cache.
/// </summary>
public sealed class SymbolTable
{
    private readonly Dictionary<string, DeclaredSymbol> byId;
    private readonly Dictionary<string, string> classOwner;
    private readonly Dictionary<string, string> ownedClass;

    private SymbolTable(int fileCount, int symbolCount)
    {
        byId = new(symbolCount, StringComparer.Ordinal);
        classOwner = new(fileCount, StringComparer.Ordinal);
        ownedClass = new(fileCount, StringComparer.Ordinal);
    }

    /// <summary>An empty table, for ids added file by file.</summary>
    public SymbolTable()
        : this(0, 0)
    {
    }

    public IEnumerable<DeclaredSymbol> Symbols => byId.Values;

    public static SymbolTable Build(IEnumerable<FileDeclarations> files)
    {
        // Sized up front: a corpus has tens of thousands of ids, and regrowing the table rehashes every one.
        var list = files as IReadOnlyCollection<FileDeclarations> ?? files.ToList();
        var table = new SymbolTable(list.Count, list.Sum(f => f.Symbols.Count));
        foreach (var file in list)
        {
            table.Add(file);
        }

        return table;
    }

    /// <summary>Adds one file's ids and class name; a file with the same path as one added before loses to it.</summary>
    public void Add(FileDeclarations file)
    {
        if (!classOwner.TryGetValue(file.ClassName, out var owner) || string.CompareOrdinal(file.Path, owner) < 0)
        {
            if (owner is not null)
            {
                ownedClass.Remove(owner);
            }

            classOwner[file.ClassName] = file.Path;
            ownedClass[file.Path] = file.ClassName;
        }

        var symbols = file.Symbols;
        for (var i = 0; i < symbols.Count; i++)
        {
            var symbol = symbols[i];
            if (!byId.TryGetValue(symbol.Id, out var first) || string.CompareOrdinal(symbol.Path, first.Path) < 0)
            {
                byId[symbol.Id] = symbol;
            }
        }
    }

    public DeclaredSymbol? Lookup(string id) => byId.TryGetValue(id, out var symbol) ? symbol : null;

    /// <summary>The path of the first file (by ordinal path) whose class has this name.</summary>
    public string? ClassOwner(string className) => classOwner.TryGetValue(className, out var path) ? path : null;

    /// <summary>The class generated for the file at <paramref name="path"/>; null when another file owns its name (STMT1012).</summary>
    public string? OwnedClass(string path) => ownedClass.TryGetValue(path, out var className) ? className : null;
}

internal static class Suggestions
{
    /// <summary>Longer words get no suggestion: a typo in a long id is rare, and the cost grows with length.</summary>
    private const int MaxWordLength = 64;

    /// <summary>The candidate nearest to <paramref name="word"/> by edit distance, if near enough to be a likely typo.</summary>
    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        if (word.Length > MaxWordLength)
        {
            return null;
        }

        string? best = null;
        var bestDistance = Math.Max(2, word.Length / 3) + 1;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - word.Length) >= bestDistance)
            {
                continue;
            }

            var distance = Distance(word, candidate, bestDistance);
            var closer = distance < bestDistance;
            var tieBrokenByName = distance == bestDistance && best is not null && string.CompareOrdinal(candidate, best) < 0;
            if (closer || tieBrokenByName)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        return best;
    }

    public static string DidYouMean(string? suggestion) => suggestion is null ? string.Empty : "; did you mean '" + suggestion + "'?";

    /// <summary>Levenshtein distance computed only within <paramref name="cutoff"/> of the diagonal; anything farther counts as cutoff + 1.</summary>
    private static int Distance(string a, string b, int cutoff)
    {
        var beyond = cutoff + 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j <= cutoff ? j : beyond;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            var from = Math.Max(1, i - cutoff);
            var to = Math.Min(b.Length, i + cutoff);
            current[0] = i <= cutoff ? i : beyond;
            if (from > 1)
            {
                current[from - 1] = beyond;
            }

            var rowMin = current[0];
            for (var j = from; j <= to; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (to < b.Length)
            {
                current[to + 1] = beyond;
            }

            if (rowMin > cutoff)
            {
                return beyond;
            }

            (previous, current) = (current, previous);
        }

        return Math.Min(previous[b.Length], beyond);
    }
}
