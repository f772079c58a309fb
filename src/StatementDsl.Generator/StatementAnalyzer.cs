using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using StatementDsl.Language.Provenance;
using StatementDsl.Language.Semantics;
using EditorConfigSeverities = StatementDsl.Language.Diagnostics.EditorConfigSeverities;
using LanguageDiagnostic = StatementDsl.Language.Diagnostics.Diagnostic;
using Severity = StatementDsl.Language.Diagnostics.Severity;

namespace StatementDsl.Generator;

/// <summary>
/// Reports the diagnostics of LANGUAGE.md §5 on the <c>.stmt</c> files themselves, at their own line
/// and column. All files of the compilation are bound once (ids are global), then each file's
/// diagnostics are reported from its additional-file action.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StatementAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.All;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var files = start.Options.AdditionalFiles.Where(f => StatementGenerator.IsStatementFile(f.Path)).ToArray();
            if (files.Length == 0)
            {
                return;
            }

            var cancellationToken = start.CancellationToken;
            var documents = SourceDocumentsOf(start.Options.AdditionalFiles, cancellationToken);
            var compilation = new Lazy<IReadOnlyDictionary<string, IReadOnlyList<LanguageDiagnostic>>>(() => BindAll(files, documents, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            var editorConfig = new Lazy<EditorConfigSeverities>(
                () => EditorConfigSeverities.Parse(start.Options.AdditionalFiles
                    .Where(f => EditorConfigSeverities.IsEditorConfig(f.Path))
                    .Select(f => (f.Path, f.GetText(cancellationToken)?.ToString() ?? string.Empty))),
                LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterAdditionalFileAction(fileContext =>
            {
                if (!StatementGenerator.IsStatementFile(fileContext.AdditionalFile.Path)
                    || !compilation.Value.TryGetValue(fileContext.AdditionalFile.Path, out var diagnostics))
                {
                    return;
                }

                foreach (var diagnostic in diagnostics)
                {
                    fileContext.CancellationToken.ThrowIfCancellationRequested();
                    if (editorConfig.Value.SeverityOf(fileContext.AdditionalFile.Path, diagnostic) is { } severity)
                    {
                        fileContext.ReportDiagnostic(ToRoslyn(diagnostic, ToRoslyn(severity)));
                    }
                }
            });
        });
    }

    internal static Microsoft.CodeAnalysis.Diagnostic ToRoslyn(LanguageDiagnostic diagnostic, DiagnosticSeverity severity)
    {
        var location = ToLocation(diagnostic.Location);
        var additional = diagnostic.RelatedLocation is { } related ? new[] { ToLocation(related) } : null;
        return Microsoft.CodeAnalysis.Diagnostic.Create(DiagnosticDescriptors.For(diagnostic.Rule), location, severity, additional, null, diagnostic.Message);
    }

    private static DiagnosticSeverity ToRoslyn(Severity severity) => severity switch
    {
        Severity.Error => DiagnosticSeverity.Error,
        Severity.Warning => DiagnosticSeverity.Warning,
        Severity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };

    private static Location ToLocation(StatementDsl.Language.Diagnostics.Location location) => Location.Create(
        location.Path,
        new TextSpan(location.Span.Start, location.Span.Length),
        new LinePositionSpan(
            new LinePosition(location.Start.Line - 1, location.Start.Column - 1),
            new LinePosition(location.End.Line - 1, location.End.Column - 1)));

    /// <summary>The end of the STMT1018 message in a build, for a document the compilation was not given.</summary>
    internal const string NotAnAdditionalFile =
        "is not among the compilation's additional files: a .txt or .md document beside its .stmt file is added by StatementDsl; add others with <StatementSourceDocument Include=\"path\" /> (docs/generator.md)";

    /// <summary>Source documents reach the analyzer as additional files (LANGUAGE.md §8), looked up by full path.</summary>
    internal static SourceDocuments SourceDocumentsOf(IEnumerable<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        var byPath = new Dictionary<string, AdditionalText>(SourceDocuments.PathComparer);
        foreach (var file in additionalFiles)
        {
            if (!StatementGenerator.IsStatementFile(file.Path) && SourceDocuments.FullPath(file.Path) is { } full && !byPath.ContainsKey(full))
            {
                byPath.Add(full, file);
            }
        }

        return new SourceDocuments(path => byPath.TryGetValue(path, out var file) && file.GetText(cancellationToken) is { } text
            ? SourceDocumentText.Found(text.ToString())
            : SourceDocumentText.Unreadable(NotAnAdditionalFile));
    }

    /// <summary>Each file's diagnostics, the cross-file and quote rules' included.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<LanguageDiagnostic>> BindAll(AdditionalText[] files, SourceDocuments documents, CancellationToken cancellationToken)
    {
        var bound = Binder.ParseAndBind(
            files.Select(f => new StatementDsl.Language.Text.SourceFile(f.Path, f.GetText(cancellationToken)?.ToString() ?? string.Empty)),
            documents,
            cancellationToken);
        var byPath = new Dictionary<string, IReadOnlyList<LanguageDiagnostic>>(StringComparer.Ordinal);
        foreach (var file in bound.Files)
        {
            byPath[file.Path] = bound.DiagnosticsOf(file);
        }

        return byPath;
    }
}
