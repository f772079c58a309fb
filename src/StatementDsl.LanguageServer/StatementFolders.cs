namespace StatementDsl.LanguageServer;

/// <summary>
/// The <c>.stmt</c> files under a folder, as the command line and the editor find them: build output
/// (<c>bin</c>, <c>obj</c>), <c>node_modules</c> and hidden folders (<c>.git</c>, <c>.vs</c>) are not
/// searched, since they hold copies of the sources that would be reported as duplicate ids; a folder
/// reached again through a symbolic link is searched once, so a link loop ends.
/// </summary>
public static class StatementFolders
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", "node_modules" };

    /// <summary>Every <c>.stmt</c> file under <paramref name="folder"/>, in ordinal order of their paths; the folder itself is searched whatever its name.</summary>
    public static List<string> Find(string folder)
    {
        var files = new List<string>();
        var searched = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            try
            {
                if (!searched.Add(RealPath(directory)))
                {
                    continue;
                }

                files.AddRange(Directory.EnumerateFiles(directory, "*.stmt"));
                foreach (var child in Directory.EnumerateDirectories(directory))
                {
                    var name = Path.GetFileName(child);
                    if (!Skipped.Contains(name) && !name.StartsWith('.'))
                    {
                        pending.Push(child);
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A folder that cannot be read holds nothing this search can report.
            }
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>Where a folder really is, its links followed, so that two routes to it compare equal.</summary>
    private static string RealPath(string directory)
    {
        var info = new DirectoryInfo(directory);
        var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
        var parent = info.Parent is { } up ? RealPath(up.FullName) : null;
        return target?.FullName ?? (parent is null ? info.FullName : Path.Combine(parent, info.Name));
    }
}
