using System.Text.Json;
using StatementDsl.Language.Diagnostics;

namespace StatementDsl.Cli;

/// <summary><c>stmt check [--strict] [--format text|sarif] PATH…</c> (LANGUAGE.md §9).</summary>
internal static class CheckCommand
{
    public static int Run(IReadOnlyList<string> arguments, TextWriter output)
    {
        var strict = false;
        var format = "text";
        var paths = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            switch (arguments[i])
            {
                case "--strict":
                    strict = true;
                    break;
                case "--format" when i + 1 < arguments.Count && arguments[i + 1] is "text" or "sarif":
                    format = arguments[++i];
                    break;
                case "--format":
                    throw new UsageException("--format takes 'text' or 'sarif'");
                case var option when option.StartsWith('-') && option.Length > 1:
                    throw new UsageException($"Unknown option {option} for check");
                default:
                    paths.Add(arguments[i]);
                    break;
            }
        }

        if (paths.Count == 0)
        {
            throw new UsageException("check needs at least one file or folder");
        }

        var (files, compilation) = Workspace.Load(paths);
        // Severities as .editorconfig sets them, as the build and the editor apply them.
        var editorConfig = new StatementDsl.LanguageServer.EditorConfigFiles();
        var diagnostics = compilation.Files.SelectMany(f => editorConfig.Apply(f.Path, compilation.DiagnosticsOf(f)))
            .OrderBy(d => d.Location.Path, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Span.Start)
            .ToList();
        if (format == "sarif")
        {
            WriteSarif(diagnostics, output);
        }
        else
        {
            foreach (var diagnostic in diagnostics)
            {
                output.WriteLine(diagnostic.ToString());
            }
        }

        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        Console.Error.WriteLine($"{files.Count} file(s) checked: {errors} error(s), {warnings} warning(s)");
        return errors > 0 || (strict && warnings > 0) ? 1 : 0;
    }

    private static void WriteSarif(IReadOnlyList<Diagnostic> diagnostics, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            json.WriteString("version", "2.1.0");
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "stmt");
            json.WriteString("semanticVersion", typeof(CheckCommand).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            json.WriteString("informationUri", "https://github.com/statementdsl/statementdsl");
            json.WriteStartArray("rules");
            foreach (var rule in Rules.All)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", rule.Title.Replace(" ", string.Empty, StringComparison.Ordinal));
                json.WriteStartObject("shortDescription");
                json.WriteString("text", rule.Title);
                json.WriteEndObject();
                json.WriteStartObject("fullDescription");
                json.WriteString("text", rule.Description);
                json.WriteEndObject();
                json.WriteString("helpUri", rule.HelpLink);
                json.WriteStartObject("defaultConfiguration");
                json.WriteString("level", Level(rule.DefaultSeverity));
                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var diagnostic in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", diagnostic.Id);
                json.WriteNumber("ruleIndex", IndexOf(diagnostic.Rule));
                json.WriteString("level", Level(diagnostic.Severity));
                json.WriteStartObject("message");
                json.WriteString("text", diagnostic.Message);
                json.WriteEndObject();
                json.WriteStartArray("locations");
                WriteLocation(json, diagnostic.Location);
                json.WriteEndArray();
                if (diagnostic.RelatedLocation is { } related)
                {
                    json.WriteStartArray("relatedLocations");
                    WriteLocation(json, related);
                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static int IndexOf(DiagnosticRule rule)
    {
        for (var i = 0; i < Rules.All.Count; i++)
        {
            if (ReferenceEquals(Rules.All[i], rule))
            {
                return i;
            }
        }

        return -1;
    }

    private static void WriteLocation(Utf8JsonWriter json, Location location)
    {
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", location.Path);
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", location.Start.Line);
        json.WriteNumber("startColumn", location.Start.Column);
        json.WriteNumber("endLine", location.End.Line);
        json.WriteNumber("endColumn", location.End.Column);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };
}
