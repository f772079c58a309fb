using System.Text;
using System.Text.RegularExpressions;

namespace StatementDsl.Language.Diagnostics;

/// <summary>
/// Diagnostic severities that <c>.editorconfig</c> files give to a <c>.stmt</c> file. Roslyn applies
/// <c>dotnet_diagnostic.ID.severity</c> only to diagnostics in C# syntax trees (dotnet/roslyn#31916),
/// so the package passes the project's <c>.editorconfig</c> files to the analyzer as additional files
/// and the analyzer applies them with the EditorConfig rules: sections match by glob relative to the
/// file's folder, nearer files and later sections win, <c>root = true</c> stops the search upwards.
/// The build, <c>stmt check</c> and the editor apply the same files the same way.
/// </summary>
public sealed class EditorConfigSeverities
{
    private static readonly Regex SectionLine = new(@"^\s*\[(.+)\]\s*([#;].*)?$", RegexOptions.CultureInvariant);
    private static readonly Regex PropertyLine = new(@"^\s*([^=:#;\[]+?)\s*[=:]\s*(.*?)\s*([#;].*)?$", RegexOptions.CultureInvariant);

    private readonly List<ConfigFile> files;

    private EditorConfigSeverities(List<ConfigFile> files) => this.files = files;

    public static EditorConfigSeverities Parse(IEnumerable<(string Path, string Text)> configs) =>
        new(configs.Select(c => ConfigFile.Parse(Normalize(c.Path), c.Text)).ToList());

    public static bool IsEditorConfig(string path) =>
        string.Equals(System.IO.Path.GetFileName(path), ".editorconfig", StringComparison.OrdinalIgnoreCase);

    /// <summary>The severity properties (lower-case keys) that apply to <paramref name="path"/>.</summary>
    public IReadOnlyDictionary<string, string> For(string path)
    {
        var file = Normalize(path);
        var applicable = files
            .Where(f => file.StartsWith(f.Directory, StringComparison.Ordinal))
            .OrderByDescending(f => f.Directory.Length)
            .ToList();
        var rootIndex = applicable.FindIndex(f => f.IsRoot);
        if (rootIndex >= 0)
        {
            applicable = applicable.Take(rootIndex + 1).ToList();
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = applicable.Count - 1; i >= 0; i--)
        {
            var config = applicable[i];
            var relative = file.Substring(config.Directory.Length);
            foreach (var section in config.Sections)
            {
                if (section.Matches(relative))
                {
                    foreach (var pair in section.Properties)
                    {
                        values[pair.Key] = pair.Value;
                    }
                }
            }
        }

        return values;
    }

    /// <summary>
    /// The severity the options give a rule: its id first, then its category, then all analyzer
    /// diagnostics; null for the rule's default. <paramref name="suppressed"/> when set to <c>none</c>.
    /// </summary>
    public static Severity? Configured(IReadOnlyDictionary<string, string> options, string id, string category, out bool suppressed)
    {
        suppressed = false;
        var keys = new[]
        {
            "dotnet_diagnostic." + id.ToLowerInvariant() + ".severity",
            "dotnet_analyzer_diagnostic.category-" + category.ToLowerInvariant() + ".severity",
            "dotnet_analyzer_diagnostic.severity",
        };
        foreach (var key in keys)
        {
            if (options.TryGetValue(key, out var value))
            {
                switch (value)
                {
                    case "error":
                        return Severity.Error;
                    case "warning" or "warn":
                        return Severity.Warning;
                    case "suggestion" or "info":
                        return Severity.Info;
                    case "silent" or "hidden":
                        return Severity.Hidden;
                    case "none" or "suppress":
                        suppressed = true;
                        return null;
                    case "default":
                        return null;
                }
            }
        }

        return null;
    }

    /// <summary>The severity of a diagnostic in <paramref name="path"/> under these files; null when it is not reported at all.</summary>
    public Severity? SeverityOf(string path, Diagnostic diagnostic) =>
        Configured(For(path), diagnostic.Id, diagnostic.Rule.Category, out var suppressed) is { } configured ? configured
            : suppressed ? null : diagnostic.Severity;

    private static string Normalize(string path) => path.Replace('\\', '/');

    private sealed class ConfigFile
    {
        public string Directory { get; private set; } = string.Empty;

        public bool IsRoot { get; private set; }

        public List<Section> Sections { get; } = new();

        public static ConfigFile Parse(string path, string text)
        {
            var slash = path.LastIndexOf('/');
            var file = new ConfigFile { Directory = slash >= 0 ? path.Substring(0, slash + 1) : string.Empty };
            Section? current = null;
            foreach (var rawLine in text.Split('\n'))
            {
                var line = rawLine.TrimEnd('\r');
                var section = SectionLine.Match(line);
                if (section.Success)
                {
                    current = new Section(section.Groups[1].Value.Trim());
                    file.Sections.Add(current);
                    continue;
                }

                var property = PropertyLine.Match(line);
                if (!property.Success || line.TrimStart().StartsWith("#", StringComparison.Ordinal) || line.TrimStart().StartsWith(";", StringComparison.Ordinal))
                {
                    continue;
                }

                var key = property.Groups[1].Value.Trim().ToLowerInvariant();
                var value = property.Groups[2].Value.Trim().ToLowerInvariant();
                if (current is null)
                {
                    file.IsRoot |= key == "root" && value == "true";
                }
                else if (key.EndsWith(".severity", StringComparison.Ordinal) && key.StartsWith("dotnet_", StringComparison.Ordinal))
                {
                    current.Properties[key] = value;
                }
            }

            return file;
        }
    }

    private sealed class Section
    {
        private readonly Regex pattern;

        public Section(string glob) => pattern = new Regex("^" + GlobToRegex(glob.IndexOf("/", StringComparison.Ordinal) >= 0 ? glob.TrimStart('/') : "**/" + glob) + "$", RegexOptions.CultureInvariant);

        public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

        public bool Matches(string relativePath) => pattern.IsMatch(relativePath) || pattern.IsMatch("/" + relativePath);

        /// <summary>EditorConfig globs: <c>*</c>, <c>**</c>, <c>?</c>, <c>[set]</c>, <c>[!set]</c> and <c>{a,b}</c>.</summary>
        private static string GlobToRegex(string glob)
        {
            var builder = new StringBuilder();
            var braces = 0;
            for (var i = 0; i < glob.Length; i++)
            {
                var c = glob[i];
                switch (c)
                {
                    case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                        builder.Append(i + 2 < glob.Length && glob[i + 2] == '/' ? "(.*/)?" : ".*");
                        i += i + 2 < glob.Length && glob[i + 2] == '/' ? 2 : 1;
                        break;
                    case '*':
                        builder.Append("[^/]*");
                        break;
                    case '?':
                        builder.Append("[^/]");
                        break;
                    case '[':
                        var close = glob.IndexOf(']', i + 1);
                        if (close < 0)
                        {
                            builder.Append("\\[");
                            break;
                        }

                        var set = glob.Substring(i + 1, close - i - 1);
                        builder.Append('[').Append(set.StartsWith("!", StringComparison.Ordinal) ? "^" + Regex.Escape(set.Substring(1)) : Regex.Escape(set)).Append(']');
                        i = close;
                        break;
                    case '{':
                        braces++;
                        builder.Append("(?:");
                        break;
                    case '}' when braces > 0:
                        braces--;
                        builder.Append(')');
                        break;
                    case ',' when braces > 0:
                        builder.Append('|');
                        break;
                    default:
                        builder.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }

            for (; braces > 0; braces--)
            {
                builder.Append(')');
            }

            return builder.ToString();
        }
    }
}
