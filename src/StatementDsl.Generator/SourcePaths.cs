namespace StatementDsl.Generator;

/// <summary>
/// The path a generated record records as its origin (<c>Declaration.Origin</c>, <c>ValidationProblem.Origin</c>)
/// and its doc comments name: never the build machine's. <c>PathMap</c> is honoured as the C# compiler
/// honours it for its own paths (the first entry whose key starts the path; separators become <c>/</c>);
/// without a matching entry the path is relative to the project's directory, with <c>/</c> separators.
/// Diagnostics keep the path the build was given (LANGUAGE.md §8); only what ships is mapped.
/// </summary>
internal sealed record SourcePaths(string ProjectDirectory, EquatableArray<PathMapEntry> PathMap)
{
    /// <summary>The <c>build_property.ProjectDir</c> and <c>build_property.PathMap</c> the props make visible to the compiler.</summary>
    public static SourcePaths From(string? projectDirectory, string? pathMap) =>
        new(projectDirectory?.Trim() ?? string.Empty, ParsePathMap(pathMap));

    /// <summary>
    /// The path a <c>#line</c> directive names, so that the IDE's go-to-definition and the debugger open
    /// the <c>.stmt</c> file: as the build gave it, or mapped by <c>PathMap</c>, which the compiler also
    /// applies to the PDB's documents. It goes to the PDB, never to the assembly.
    /// </summary>
    public string ForDebugger(string path)
    {
        foreach (var entry in PathMap)
        {
            if (path.StartsWith(entry.From, StringComparison.Ordinal))
            {
                return Join(entry.To, path.Substring(entry.From.Length));
            }
        }

        return path;
    }

    public string Display(string path)
    {
        foreach (var entry in PathMap)
        {
            if (path.StartsWith(entry.From, StringComparison.Ordinal))
            {
                return Join(entry.To, path.Substring(entry.From.Length));
            }
        }

        return ProjectDirectory.Length == 0 || !IsRooted(path) ? path.Replace('\\', '/') : Relative(WithSeparator(ProjectDirectory), path);
    }

    /// <summary>Entries <c>key=value</c> separated by commas, as <c>/pathmap</c> takes them (<c>,,</c> and <c>==</c> escape a comma and an equals sign).</summary>
    private static EquatableArray<PathMapEntry> ParsePathMap(string? pathMap)
    {
        var entries = new List<PathMapEntry>();
        foreach (var item in Split(pathMap ?? string.Empty, ','))
        {
            var parts = Split(item, '=');
            if (parts.Count == 2 && parts[0].Trim().Length > 0)
            {
                entries.Add(new PathMapEntry(WithSeparator(parts[0].Trim()), parts[1].Trim()));
            }
        }

        return entries.ToEquatableArray();
    }

    /// <summary>Splits on <paramref name="separator"/>, where a doubled one stands for itself.</summary>
    private static List<string> Split(string text, char separator)
    {
        var parts = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != separator)
            {
                current.Append(text[i]);
            }
            else if (i + 1 < text.Length && text[i + 1] == separator)
            {
                current.Append(separator);
                i++;
            }
            else
            {
                parts.Add(current.ToString());
                current.Clear();
            }
        }

        parts.Add(current.ToString());
        return parts;
    }

    private static string Join(string prefix, string rest)
    {
        var tail = rest.Replace('\\', '/').TrimStart('/');
        return prefix.Length == 0 ? tail : prefix.Replace('\\', '/').TrimEnd('/') + "/" + tail;
    }

    /// <summary><paramref name="path"/> relative to <paramref name="directory"/> (which ends with a separator), with <c>..</c> where it lies outside.</summary>
    private static string Relative(string directory, string path)
    {
        var from = directory.Replace('\\', '/').TrimEnd('/').Split('/');
        var to = path.Replace('\\', '/').Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && string.Equals(from[common], to[common], StringComparison.Ordinal))
        {
            common++;
        }

        if (common == 0)
        {
            // Nothing in common (another drive): only the file's name says nothing of the machine.
            return to[to.Length - 1];
        }

        var parts = Enumerable.Repeat("..", from.Length - common).Concat(to.Skip(common));
        return string.Join("/", parts);
    }

    private static string WithSeparator(string directory) =>
        directory.EndsWith("/", StringComparison.Ordinal) || directory.EndsWith("\\", StringComparison.Ordinal) ? directory : directory + "/";

    private static bool IsRooted(string path) =>
        path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal) || (path.Length >= 2 && path[1] == ':');
}

/// <summary>One <c>PathMap</c> entry: a prefix of the build machine's paths (ending with a separator) and what stands for it.</summary>
internal sealed record PathMapEntry(string From, string To);
