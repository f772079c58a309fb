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

    /// <summary>Where the one diagnostic that stands for the dropped ones is, once the cap is reached; -1 before.</summary>
    private int overflowIndex = -1;
    private int droppedErrors;
    private int droppedOthers;

    public DiagnosticBag(SourceFile file)
        : this(file.Lines)
    {
    }

    /// <summary>A bag for a file whose text is gone, its lines kept.</summary>
    internal DiagnosticBag(LineMap lines) => this.lines = lines;

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
        // A limit's own diagnostic (another bag's summary of what it dropped) is always kept: it is what says so.
        if (items.Count < Limits.MaxDiagnosticsPerFile || (diagnostic.Rule == Rules.LimitExceeded && overflowIndex < 0))
        {
            items.Add(diagnostic);
            return;
        }

        // One diagnostic stands for all that are dropped: it counts them, and it is an error only when an
        // error was dropped, so a flood of warnings stays warnings (an import of a long sitting without speakers).
        if (diagnostic.Severity == Severity.Error)
        {
            droppedErrors++;
        }
        else
        {
            droppedOthers++;
        }

        var first = overflowIndex < 0 ? diagnostic.Location : items[overflowIndex].Location;
        var summary = new Diagnostic(Rules.LimitExceeded,
            Rules.LimitExceeded.Format(string.Concat(
                "More than ", Limits.MaxDiagnosticsPerFile.ToString(System.Globalization.CultureInfo.InvariantCulture), " diagnostics in this file; ",
                (droppedErrors + droppedOthers).ToString(System.Globalization.CultureInfo.InvariantCulture), " more are not reported (",
                droppedErrors.ToString(System.Globalization.CultureInfo.InvariantCulture), " error(s), ",
                droppedOthers.ToString(System.Globalization.CultureInfo.InvariantCulture), " warning(s) or less)")),
            first) { Severity = droppedErrors > 0 ? Severity.Error : Severity.Warning };
        if (overflowIndex < 0)
        {
            overflowIndex = items.Count;
            items.Add(summary);
        }
        else
        {
            items[overflowIndex] = summary;
        }
    }
}
