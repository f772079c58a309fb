using StatementDsl.Language.Text;

namespace StatementDsl.Language.Diagnostics;

/// <summary>A place in a file, with the line and column already computed.</summary>
public sealed record Location(string Path, TextSpan Span, LinePosition Start, LinePosition End)
{
    public static Location Create(SourceFile file, TextSpan span) => Create(file.Lines, span);

    internal static Location Create(LineMap lines, TextSpan span) =>
        new(lines.Path, span, lines.GetPosition(span.Start), lines.GetPosition(span.End));

    public override string ToString() =>
        string.Concat(Path, "(", Start.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), ",",
            Start.Column.ToString(System.Globalization.CultureInfo.InvariantCulture), ")");
}

/// <summary>One reported problem: a rule, its message and where it is.</summary>
public sealed record Diagnostic(DiagnosticRule Rule, string Message, Location Location, Location? RelatedLocation = null)
{
    public string Id => Rule.Id;

    /// <summary>The rule's default, or what <c>.editorconfig</c> made of it (<see cref="EditorConfigSeverities"/>).</summary>
    public Severity Severity { get; init; } = Rule.DefaultSeverity;

    /// <summary>The line the build and <c>stmt check</c> print: <c>path(line,col): error STMT1003: message</c>.</summary>
    public string ToDisplayString(Severity severity) =>
        string.Concat(Location.ToString(), ": ", severity == Severity.Error ? "error" : severity == Severity.Warning ? "warning" : "info", " ", Id, ": ", Message);

    public override string ToString() => ToDisplayString(Severity);
}

/// <summary>Collects the diagnostics of one file, capped so that garbage input cannot flood memory.</summary>
public sealed class DiagnosticBag
{
    /// <summary>Only the file's lines, so that a bag kept after parsing does not keep the text.</summary>
    private readonly LineMap lines;
    private readonly List<Diagnostic> items = new();
    private bool overflowReported;

    public DiagnosticBag(SourceFile file) => lines = file.Lines;

    public IReadOnlyList<Diagnostic> Items => items;

    public void Report(DiagnosticRule rule, TextSpan span, params object?[] arguments) =>
        Add(new Diagnostic(rule, rule.Format(arguments), Location.Create(lines, span)));

    public void ReportWithRelated(DiagnosticRule rule, TextSpan span, Location related, params object?[] arguments) =>
        Add(new Diagnostic(rule, rule.Format(arguments), Location.Create(lines, span), related));

    /// <summary>Diagnostics reported elsewhere for the same file, under this bag's limit.</summary>
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    private void Add(Diagnostic diagnostic)
    {
        if (items.Count < Limits.MaxDiagnosticsPerFile)
        {
            items.Add(diagnostic);
            return;
        }

        if (!overflowReported)
        {
            overflowReported = true;
            items.Add(new Diagnostic(Rules.LimitExceeded,
                Rules.LimitExceeded.Format(string.Concat("More than ", Limits.MaxDiagnosticsPerFile.ToString(System.Globalization.CultureInfo.InvariantCulture), " diagnostics in this file; the rest are not reported")),
                diagnostic.Location));
        }
    }
}
