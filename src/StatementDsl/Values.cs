namespace StatementDsl;

/// <summary>Where a record was declared: the path as given to the compiler, 1-based line and column.</summary>
public sealed record SourceLocation(string Path, int Line, int Column)
{
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Path}({Line},{Column})");
}

/// <summary>A text in one language; <see cref="Language"/> is null when the author gave no tag.</summary>
public sealed record LocalizedText(string Value, string? Language = null)
{
    public override string ToString() => Value;
}

/// <summary>
/// A content passage of an utterance, in file order. A quote of a file whose transcript names a
/// <c>source_document</c> knows where it was found there: <see cref="SourceLocation"/>'s path is the
/// <c>source_document</c> as written, relative to the <c>.stmt</c> file; null for other passages and quotes not found.
/// </summary>
public sealed record Passage(PassageKind Kind, string Text, string? Language = null, SourceLocation? SourceLocation = null);

/// <summary>
/// A tagged variant of a single-valued text field (<c>title@en</c>, <c>role@fr</c>). The record's own
/// property holds the untagged value, else the first; every variant stays here, so nothing is lost.
/// </summary>
public sealed record LocalizedField(string Field, LocalizedText Text);
