using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace StatementDsl.Generator;

/// <summary>
/// Turns the project's <c>.stmt</c> files into typed records (LANGUAGE.md §6). Each file is parsed
/// alone; only the small id table is combined across files, so editing a quote re-emits that file
/// only and editing C# re-runs nothing. Diagnostics come from <see cref="StatementAnalyzer"/>.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class StatementGenerator : IIncrementalGenerator
{
    /// <summary>Names of the pipeline steps, for incremental tests.</summary>
    public static class Steps
    {
        public const string Files = "StatementFiles";
        public const string Parse = "Parse";
        public const string NamedDocuments = "NamedDocuments";
        public const string SourceDocuments = "SourceDocuments";
        public const string SourceDocument = "SourceDocument";
        public const string IdTable = "IdTable";
        public const string Bind = "Bind";
        public const string Options = "Options";
        public const string AnyFiles = "AnyFiles";
    }

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.AdditionalTextsProvider
            .Where(static text => IsStatementFile(text.Path))
            .WithTrackingName(Steps.Files);

        var parsed = files
            .Select(static (text, cancellationToken) =>
                StatementParsing.Parse(text.Path, text.GetText(cancellationToken)?.ToString() ?? string.Empty, cancellationToken))
            .WithTrackingName(Steps.Parse);

        var idTable = parsed
            .Select(static (file, _) => file.Symbols)
            .Collect()
            .Select(static (files, _) => new IdTableModel(files.OrderBy(f => f.Path, StringComparer.Ordinal).ToEquatableArray()))
            .WithTrackingName(Steps.IdTable);

        // The source documents the files name (LANGUAGE.md §8): only those of the additional files are read,
        // and each file takes the one it names, so a changed document re-binds only the files naming it.
        var namedDocuments = parsed
            .Select(static (file, _) => file.SourceDocumentPath)
            .Collect()
            .Select(static (paths, _) => paths.OfType<string>().Distinct(Language.Provenance.SourceDocuments.PathComparer).OrderBy(p => p, StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(Steps.NamedDocuments);

        var documents = context.AdditionalTextsProvider
            .Where(static text => !IsStatementFile(text.Path) && !Language.Diagnostics.EditorConfigSeverities.IsEditorConfig(text.Path))
            .Combine(namedDocuments)
            .Select(static (pair, cancellationToken) =>
                Language.Provenance.SourceDocuments.FullPath(pair.Left.Path) is { } path
                && pair.Right.Contains(path, Language.Provenance.SourceDocuments.PathComparer)
                && pair.Left.GetText(cancellationToken) is { } content
                    ? new SourceDocumentModel(path, content.ToString())
                    : null)
            .Where(static document => document is not null)
            .Select(static (document, _) => document!)
            .WithTrackingName(Steps.SourceDocuments);

        var withDocuments = parsed
            .Combine(documents.Collect())
            .Select(static (pair, _) => StatementParsing.WithSourceDocument(pair.Left, pair.Right))
            .WithTrackingName(Steps.SourceDocument);

        var bound = withDocuments
            .Combine(idTable)
            .Select(static (pair, cancellationToken) =>
                StatementParsing.ToModel(StatementParsing.Bind(pair.Left, pair.Right, cancellationToken), pair.Right.Table, pair.Left.SourceDocument, cancellationToken))
            .WithTrackingName(Steps.Bind);

        var options = context.AnalyzerConfigOptionsProvider
            .Select(static (provider, _) =>
            {
                provider.GlobalOptions.TryGetValue("build_property.StatementDslNamespace", out var configured);
                provider.GlobalOptions.TryGetValue("build_property.RootNamespace", out var root);
                provider.GlobalOptions.TryGetValue("build_property.StatementDslIdProperties", out var idProperties);
                provider.GlobalOptions.TryGetValue("build_property.ProjectDir", out var projectDirectory);
                provider.GlobalOptions.TryGetValue("build_property.PathMap", out var pathMap);
                return new GenerationOptions(
                    (string.IsNullOrWhiteSpace(configured) ? root : configured)?.Trim() ?? string.Empty,
                    !string.Equals(idProperties?.Trim(), "TopLevel", StringComparison.OrdinalIgnoreCase),
                    SourcePaths.From(projectDirectory, pathMap));
            })
            .WithTrackingName(Steps.Options);

        var anyFiles = idTable
            .Select(static (table, _) => table.Files.Count > 0)
            .WithTrackingName(Steps.AnyFiles);

        context.RegisterSourceOutput(bound.Combine(options), static (output, pair) =>
        {
            var (file, generation) = pair;
            if (file.OwnsClass)
            {
                output.AddSource(HintName(file.ClassName), SourceText.From(EmitFile(file, generation), System.Text.Encoding.UTF8));
            }
        });

        context.RegisterSourceOutput(anyFiles.Combine(options), static (output, pair) =>
        {
            if (pair.Left)
            {
                output.AddSource("StatementDslRecords.g.cs", SourceText.From(EmitRegistry(pair.Right), System.Text.Encoding.UTF8));
            }
        });
    }

    internal static bool IsStatementFile(string path) => path.EndsWith(".stmt", StringComparison.OrdinalIgnoreCase);

    /// <summary>A hint name that is unique per class and safe on every file system.</summary>
    private static string HintName(string className)
    {
        var safe = new System.Text.StringBuilder();
        foreach (var c in className.TrimStart('@'))
        {
            safe.Append(c < 128 && (char.IsLetterOrDigit(c) || c == '_') ? c : '_');
        }

        var hash = 0u;
        foreach (var c in className)
        {
            hash = unchecked((hash * 16777619) ^ c);
        }

        return safe + "." + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + ".stmt.g.cs";
    }
}
