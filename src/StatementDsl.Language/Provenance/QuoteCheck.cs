using System.Collections.Concurrent;
using System.Globalization;
using StatementDsl.Language.Diagnostics;
using StatementDsl.Language.Semantics;

namespace StatementDsl.Language.Provenance;

/// <summary>A source document as a host read it: its text, or why it could not be read (the end of an STMT1018 message).</summary>
public readonly record struct SourceDocumentText(string? Text, string? Problem)
{
    public static SourceDocumentText Found(string text) => new(text, null);

    public static SourceDocumentText Unreadable(string problem) => new(null, problem);
}

/// <summary>
/// The source documents of a compilation, read through the host (the file system for <c>stmt check</c>,
/// the open buffers and the disk for the editor, the additional files for a build) and indexed once
/// each, however many <c>.stmt</c> files name them.
/// </summary>
public sealed class SourceDocuments
{
    private readonly Func<string, SourceDocumentText> read;
    private readonly ConcurrentDictionary<string, Lazy<(SourceDocumentIndex? Index, string? Problem)>> indexes = new(PathComparer);

    public SourceDocuments(Func<string, SourceDocumentText> read) => this.read = read;

    /// <summary>Paths compare as this file system compares names.</summary>
    public static StringComparer PathComparer { get; } = System.IO.Path.DirectorySeparatorChar == '\\' ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>The end of the STMT1018 message for a document over <see cref="Limits.MaxSourceDocumentBytes"/>.</summary>
    public static string TooLarge { get; } = "is larger than the limit of " + (Limits.MaxSourceDocumentBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture) + " MB (docs/security.md)";

    /// <summary>The full path of a document named by <c>source_document</c> in the file at <paramref name="statementPath"/>; null when it is no valid path.</summary>
    public static string? Resolve(string statementPath, string sourceDocument)
    {
        try
        {
            return FullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(statementPath) ?? string.Empty, sourceDocument));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The full form of a path, to compare it with others; null when it is no valid path.</summary>
    public static string? FullPath(string path)
    {
        try
        {
            return System.IO.Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>Forgets a document, after the host saw it change.</summary>
    public void Forget(string fullPath) => indexes.TryRemove(fullPath, out _);

    internal (SourceDocumentIndex? Index, string? Problem) Get(string fullPath, CancellationToken cancellationToken) =>
        indexes.GetOrAdd(fullPath, path => new Lazy<(SourceDocumentIndex?, string?)>(() =>
        {
            var text = read(path);
            if (text.Text is null)
            {
                return (null, text.Problem ?? "cannot be read");
            }

            return text.Text.Length > Limits.MaxSourceDocumentBytes ? (null, TooLarge) : (SourceDocumentIndex.Create(path, text.Text, cancellationToken), null);
        })).Value;
}

/// <summary>The quotes of one file looked up in its source document: what was found where, and the diagnostics.</summary>
public sealed class QuoteCheckResult
{
    internal static readonly QuoteCheckResult None = new(null, null, Array.Empty<Diagnostic>(), new Dictionary<int, QuoteMatch>());

    internal QuoteCheckResult(string? documentPath, SourceDocumentIndex? document, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<int, QuoteMatch> matches)
    {
        DocumentPath = documentPath;
        Document = document;
        Diagnostics = diagnostics;
        Matches = matches;
    }

    /// <summary>The <c>source_document</c> as written in the transcript; null when the file names none.</summary>
    public string? DocumentPath { get; }

    /// <summary>The document, indexed; null when the file names none or it cannot be read.</summary>
    public SourceDocumentIndex? Document { get; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Where each found quote stands in the document, by the start of the quote's value in the <c>.stmt</c> file.</summary>
    public IReadOnlyDictionary<int, QuoteMatch> Matches { get; }
}

/// <summary>Looks every quote of a file up in the file's <c>source_document</c> (STMT1017, STMT1018; LANGUAGE.md §4).</summary>
public static class QuoteCheck
{
    private const int ShownAgreement = 20;

    public static QuoteCheckResult Run(BoundFile file, SourceDocuments documents, CancellationToken cancellationToken = default)
    {
        if (file.Transcript?.Field("source_document") is not { Value: TextValue { Text: var written } } field)
        {
            return QuoteCheckResult.None;
        }

        var fullPath = SourceDocuments.Resolve(file.Path, written);
        var (document, problem) = fullPath is null ? (null, "is not a valid path") : documents.Get(fullPath, cancellationToken);
        if (document is null)
        {
            var unreadable = new Diagnostic(Rules.SourceDocumentUnreadable, Rules.SourceDocumentUnreadable.Format(written, problem), Location.Create(file.Lines, field.ValueSpan));
            return new QuoteCheckResult(written, null, new[] { unreadable }, new Dictionary<int, QuoteMatch>());
        }

        var diagnostics = new List<Diagnostic>();
        var matches = new Dictionary<int, QuoteMatch>();
        foreach (var entity in file.Entities)
        {
            foreach (var quote in entity.Fields)
            {
                if (quote.Name != "quote" || quote.Value is not TextValue { Text: var text })
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                if (document.Find(text) is { } match)
                {
                    matches[quote.ValueSpan.Start] = match;
                }
                else
                {
                    diagnostics.Add(new Diagnostic(Rules.QuoteNotInSourceDocument, Describe(written, document.Closest(text)), Location.Create(file.Lines, quote.ValueSpan)));
                }
            }
        }

        return new QuoteCheckResult(written, document, diagnostics, matches);
    }

    /// <summary>The STMT1017 message: the closest passage and the first place where the quote leaves it.</summary>
    internal static string Describe(string documentPath, ClosestPassage? closest)
    {
        if (closest is null)
        {
            return "Quote not found in '" + documentPath + "', and no passage of it resembles the quote";
        }

        var position = closest.Position.Line.ToString(CultureInfo.InvariantCulture) + ", column " + closest.Position.Column.ToString(CultureInfo.InvariantCulture);
        var where = closest.AgreeingLength == 0
            ? "they differ from the start"
            : "after «" + (closest.AgreeingLength > ShownAgreement ? "…" : string.Empty)
                + closest.Quote.Substring(Math.Max(0, closest.AgreeingLength - ShownAgreement), Math.Min(ShownAgreement, closest.AgreeingLength)) + "»";
        var quoteHas = closest.QuoteAfter.Length == 0 ? "the quote ends" : "the quote has «" + closest.QuoteAfter + "»";
        var documentHas = closest.DocumentAfter.Length == 0 ? "the document ends" : "the document has «" + closest.DocumentAfter + "»";
        return "Quote not found in '" + documentPath + "'; the closest passage (line " + position + ") is «" + closest.Passage + "»: "
            + where + ", " + quoteHas + " where " + documentHas;
    }
}
