using System.Text.RegularExpressions;
using System.Xml;

namespace StatementDsl.LanguageServer;

/// <summary>
/// Which <c>.stmt</c> files the editor binds together, as the build does: the files of one <c>.csproj</c>
/// (every <c>.stmt</c> under its folder unless <c>EnableDefaultStatementItems</c> is false, plus its own
/// <c>AdditionalFiles</c> items, minus those it removes), else the files of one workspace folder. A file
/// that belongs to neither, opened alone or left out of its project, is checked alone.
/// </summary>
internal sealed class CompilationScopes
{
    private readonly List<string> folders = [];
    private readonly Dictionary<string, string?> projectOfFolder = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProjectItems> projects = new(StringComparer.Ordinal);

    /// <summary>What a file is compiled with: a scope key, and whether it stands alone.</summary>
    public readonly record struct Scope(string Key, bool Alone);

    public void AddFolder(string folder) => folders.Add(Trim(folder));

    public void RemoveFolder(string folder) => folders.Remove(Trim(folder));

    /// <summary>Forgets every project read, after a project file changed.</summary>
    public void Forget()
    {
        projectOfFolder.Clear();
        projects.Clear();
    }

    public static bool IsProjectFile(string path) => path.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase);

    public Scope Of(string path)
    {
        var directory = Path.GetDirectoryName(path) ?? path;
        if (ProjectAbove(directory) is { } project)
        {
            return Items(project).Includes(path) ? new Scope("project:" + project, false) : new Scope("file:" + path, true);
        }

        var folder = folders.Where(f => path.StartsWith(f + Path.DirectorySeparatorChar, StringComparison.Ordinal)).MaxBy(f => f.Length);
        return folder is null ? new Scope("file:" + path, true) : new Scope("folder:" + folder, false);
    }

    private static string Trim(string folder) => folder.TrimEnd(Path.DirectorySeparatorChar);

    /// <summary>The nearest project file in the folder or above it, as MSBuild's default items see a file.</summary>
    private string? ProjectAbove(string directory)
    {
        if (projectOfFolder.TryGetValue(directory, out var known))
        {
            return known;
        }

        string? project = null;
        try
        {
            project = Directory.EnumerateFiles(directory, "*.csproj").Order(StringComparer.Ordinal).FirstOrDefault();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A folder that cannot be read holds no project this search can use.
        }

        if (project is null && Path.GetDirectoryName(directory) is { } parent && parent != directory)
        {
            project = ProjectAbove(parent);
        }

        return projectOfFolder[directory] = project;
    }

    private ProjectItems Items(string project)
    {
        if (!projects.TryGetValue(project, out var items))
        {
            projects[project] = items = ProjectItems.Read(project);
        }

        return items;
    }

    /// <summary>What a project file says about its <c>.stmt</c> inputs, read without evaluating MSBuild (no imports, no conditions).</summary>
    private sealed class ProjectItems(string folder, bool defaultItems, List<Regex> included, List<Regex> removed)
    {
        public static ProjectItems Read(string project)
        {
            var folder = Path.GetDirectoryName(project)!;
            var defaultItems = true;
            var included = new List<Regex>();
            var removed = new List<Regex>();
            try
            {
                using var reader = XmlReader.Create(project, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
                while (reader.Read())
                {
                    if (reader.NodeType != XmlNodeType.Element)
                    {
                        continue;
                    }

                    if (reader.LocalName == "EnableDefaultStatementItems")
                    {
                        defaultItems = !string.Equals(reader.ReadElementContentAsString().Trim(), "false", StringComparison.OrdinalIgnoreCase);
                    }
                    else if (reader.LocalName == "AdditionalFiles")
                    {
                        AddPatterns(included, reader.GetAttribute("Include"));
                        AddPatterns(removed, reader.GetAttribute("Remove"));
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or XmlException)
            {
                // An unreadable project is taken with its defaults, as far as .stmt files go.
            }

            return new ProjectItems(folder, defaultItems, included, removed);
        }

        public bool Includes(string path)
        {
            var relative = Path.GetRelativePath(folder, path).Replace('\\', '/');
            if (removed.Any(r => r.IsMatch(relative)))
            {
                return false;
            }

            var underOutput = relative.Split('/').SkipLast(1).Any(part => part is "bin" or "obj" || part.StartsWith('.'));
            return (defaultItems && !underOutput) || included.Any(r => r.IsMatch(relative));
        }

        private static void AddPatterns(List<Regex> patterns, string? items)
        {
            foreach (var item in (items ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!item.Contains("$(", StringComparison.Ordinal) && !item.Contains("@(", StringComparison.Ordinal))
                {
                    patterns.Add(Glob(item.Replace('\\', '/')));
                }
            }
        }

        /// <summary>An MSBuild item pattern: <c>**</c> any folders, <c>*</c> and <c>?</c> within one name.</summary>
        private static Regex Glob(string pattern) => new(
            "^" + Regex.Escape(pattern).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal).Replace(@"\*\*", ".*", StringComparison.Ordinal)
                .Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    }
}
