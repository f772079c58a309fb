namespace StatementDsl.Language.Diagnostics;

public enum Severity
{
    Hidden,
    Info,
    Warning,
    Error,
}

/// <summary>
/// One entry of the rule catalog: the single description of a diagnostic that the analyzers, the
/// command-line tool, the language server and the runtime validators all report from.
/// </summary>
public sealed class DiagnosticRule
{
    public const string HelpLinkBase = "https://github.com/statementdsl/statementdsl/blob/main/docs/diagnostics/";

    internal DiagnosticRule(string id, Severity defaultSeverity, string category, string title, string messageFormat, string description)
    {
        Id = id;
        DefaultSeverity = defaultSeverity;
        Category = category;
        Title = title;
        MessageFormat = messageFormat;
        Description = description;
    }

    public string Id { get; }

    public Severity DefaultSeverity { get; }

    /// <summary><c>Syntax</c>, <c>Semantics</c> or <c>Limits</c>.</summary>
    public string Category { get; }

    public string Title { get; }

    /// <summary>A composite format (<c>{0}</c>, <c>{1}</c> …) filled with invariant culture.</summary>
    public string MessageFormat { get; }

    public string Description { get; }

    public string HelpLink => HelpLinkBase + Id + ".md";

    public string Format(params object?[] arguments) =>
        arguments.Length == 0 ? MessageFormat : string.Format(System.Globalization.CultureInfo.InvariantCulture, MessageFormat, arguments);
}
