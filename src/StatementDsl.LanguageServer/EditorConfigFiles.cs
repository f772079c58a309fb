using StatementDsl.Language.Diagnostics;

namespace StatementDsl.LanguageServer;

/// <summary>
/// The <c>.editorconfig</c> files above each <c>.stmt</c> file, read from disk, so that <c>stmt check</c>
/// and the editor give a diagnostic the severity the build gives it (<see cref="EditorConfigSeverities"/>).
/// </summary>
public sealed class EditorConfigFiles
{
    private readonly Dictionary<string, EditorConfigSeverities> byFolder = new(StringComparer.Ordinal);

    /// <summary>The file's diagnostics with their configured severities; those set to <c>none</c> are left out.</summary>
    public IReadOnlyList<Diagnostic> Apply(string path, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            return diagnostics;
        }

        var full = Path.GetFullPath(path);
        var configs = For(Path.GetDirectoryName(full) ?? full);
        var applied = new List<Diagnostic>(diagnostics.Count);
        foreach (var diagnostic in diagnostics)
        {
            if (configs.SeverityOf(full, diagnostic) is { } severity)
            {
                applied.Add(severity == diagnostic.Severity ? diagnostic : diagnostic with { Severity = severity });
            }
        }

        return applied;
    }

    /// <summary>Forgets what was read, after an <c>.editorconfig</c> changed.</summary>
    public void Forget() => byFolder.Clear();

    public static bool IsEditorConfig(string path) => EditorConfigSeverities.IsEditorConfig(path);

    private EditorConfigSeverities For(string folder)
    {
        if (!byFolder.TryGetValue(folder, out var severities))
        {
            var configs = new List<(string Path, string Text)>();
            for (var current = folder; current is not null; current = Path.GetDirectoryName(current))
            {
                var config = Path.Combine(current, ".editorconfig");
                try
                {
                    if (File.Exists(config))
                    {
                        configs.Add((config, File.ReadAllText(config)));
                    }
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // An unreadable .editorconfig is skipped, as the build skips it.
                }
            }

            byFolder[folder] = severities = EditorConfigSeverities.Parse(configs);
        }

        return severities;
    }
}
