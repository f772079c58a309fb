using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using StatementDsl.Language.Semantics;
using StatementDsl.Language.Syntax;
using LanguageDiagnostic = StatementDsl.Language.Diagnostics.Diagnostic;

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
            var compilation = new Lazy<IReadOnlyDictionary<string, BoundFile>>(() => BindAll(files, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication);
            start.RegisterAdditionalFileAction(fileContext =>
            {
                if (!StatementGenerator.IsStatementFile(fileContext.AdditionalFile.Path)
                    || !compilation.Value.TryGetValue(fileContext.AdditionalFile.Path, out var bound))
                {
                    return;
                }

                foreach (var diagnostic in bound.Diagnostics)
                {
                    fileContext.CancellationToken.ThrowIfCancellationRequested();
                    fileContext.ReportDiagnostic(ToRoslyn(diagnostic));
                }
            });
        });
    }

    internal static Microsoft.CodeAnalysis.Diagnostic ToRoslyn(LanguageDiagnostic diagnostic)
    {
        var location = ToLocation(diagnostic.Location);
        var additional = diagnostic.RelatedLocation is { } related ? new[] { ToLocation(related) } : null;
        return Microsoft.CodeAnalysis.Diagnostic.Create(DiagnosticDescriptors.For(diagnostic.Rule), location, additional, diagnostic.Message);
    }

    private static Location ToLocation(StatementDsl.Language.Diagnostics.Location location) => Location.Create(
        location.Path,
        new TextSpan(location.Span.Start, location.Span.Length),
        new LinePositionSpan(
            new LinePosition(location.Start.Line - 1, location.Start.Column - 1),
            new LinePosition(location.End.Line - 1, location.End.Column - 1)));

    private static IReadOnlyDictionary<string, BoundFile> BindAll(AdditionalText[] files, CancellationToken cancellationToken)
    {
        var syntax = new ConcurrentBag<SyntaxFile>();
        foreach (var file in files)
        {
            var text = file.GetText(cancellationToken)?.ToString() ?? string.Empty;
            syntax.Add(Parser.Parse(new StatementDsl.Language.Text.SourceFile(file.Path, text), cancellationToken));
        }

        var bound = Binder.Bind(syntax, cancellationToken);
        var byPath = new Dictionary<string, BoundFile>(StringComparer.Ordinal);
        foreach (var file in bound.Files)
        {
            byPath[file.Path] = file;
        }

        return byPath;
    }
}
