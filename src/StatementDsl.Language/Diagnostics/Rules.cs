namespace StatementDsl.Language.Diagnostics;

/// <summary>The rule catalog (LANGUAGE.md §5). Every diagnostic the product reports is one of these.</summary>
public static class Rules
{
    private const string Syntax = "Syntax";
    private const string Semantics = "Semantics";
    private const string Provenance = "Provenance";

    public static readonly DiagnosticRule UnexpectedCharacter = new(
        "STMT0001", Severity.Error, Syntax, "Unexpected character",
        "Unexpected character {0}",
        "The character cannot start any token of the language. It is skipped and the rest of the file is read.");

    public static readonly DiagnosticRule UnterminatedString = new(
        "STMT0002", Severity.Error, Syntax, "Unterminated string",
        "Unterminated string: a string ends on the line it starts on; add the closing '\"' or use a \"\"\" text block",
        "A quoted string must close on the same line. Multi-line text belongs in a text block.");

    public static readonly DiagnosticRule UnterminatedTextBlock = new(
        "STMT0003", Severity.Error, Syntax, "Unterminated text block",
        "Unterminated text block: expected a line holding only '\"\"\"' before the end of the file",
        "A text block opened with \"\"\" ends at a line that holds only white space and \"\"\".");

    public static readonly DiagnosticRule Expected = new(
        "STMT0004", Severity.Error, Syntax, "Expected something else here",
        "Expected {0}, found {1}",
        "The parser expected another token here. It reports one diagnostic, recovers, and goes on reading the file.");

    public static readonly DiagnosticRule MalformedLiteral = new(
        "STMT0005", Severity.Error, Syntax, "Malformed date, time or number",
        "Malformed {0} '{1}': expected {2}",
        "Dates are YYYY, YYYY-MM or YYYY-MM-DD, optionally with Thh:mm[:ss] and an offset; times are hh:mm[:ss]; integers are decimal digits.");

    public static readonly DiagnosticRule InvalidEscape = new(
        "STMT0006", Severity.Error, Syntax, "Invalid escape sequence",
        "Invalid escape sequence '{0}': use \\\", \\\\, \\n, \\t or \\u{{H…}} with 1 to 6 hex digits",
        "Strings accept the escapes \\\", \\\\, \\n, \\t and \\u{H…}. Text blocks are raw and take no escapes.");

    public static readonly DiagnosticRule InvalidEncoding = new(
        "STMT0007", Severity.Error, Syntax, "Not valid UTF-8, or a NUL character",
        "{0}",
        "Files are UTF-8. Bytes that are not valid UTF-8 (shown as U+FFFD), lone surrogates and NUL characters are reported and skipped.");

    public static readonly DiagnosticRule MissingSpeaker = new(
        "STMT1001", Severity.Warning, Semantics, "Missing speaker",
        "{0} '{1}' has no speaker: add 'by: <person or org>'",
        "A speech or statement without 'by' still exists in the generated code, with Speaker == null.");

    public static readonly DiagnosticRule MissingDate = new(
        "STMT1002", Severity.Warning, Semantics, "Missing date",
        "{0}",
        "A meeting or statement needs a date; a speech takes its meeting's date when it has none of its own.");

    public static readonly DiagnosticRule UnknownReference = new(
        "STMT1003", Severity.Error, Semantics, "Unknown reference",
        "Unknown reference '{0}'{1}",
        "A reference names an id that no .stmt file of the compilation declares.");

    public static readonly DiagnosticRule DuplicateId = new(
        "STMT1004", Severity.Error, Semantics, "Duplicate id",
        "Duplicate id '{0}': first declared at {1}",
        "Ids are unique across all .stmt files of a compilation. The later declaration is reported and ignored by references.");

    public static readonly DiagnosticRule ImpossibleDate = new(
        "STMT1005", Severity.Error, Semantics, "Impossible calendar date or time",
        "Impossible {0} '{1}': {2}",
        "The literal is well formed but names no real date or time, such as 2016-02-30 or 24:61.");

    public static readonly DiagnosticRule WrongReferenceKind = new(
        "STMT1006", Severity.Error, Semantics, "Reference to the wrong kind",
        "'{0}' refers to '{1}', a {2}; '{3}' takes {4}",
        "The reference resolves, but to a declaration of a kind this field does not accept.");

    public static readonly DiagnosticRule UnknownField = new(
        "STMT1007", Severity.Warning, Semantics, "Unknown field",
        "Unknown field '{0}' for {1}{2}",
        "The field is not one of the kind's fields (LANGUAGE.md §4). It is kept out of the generated records.");

    public static readonly DiagnosticRule WrongValueType = new(
        "STMT1008", Severity.Error, Semantics, "Value of the wrong type",
        "'{0}' takes {1}, found {2}",
        "The value's type does not fit the field.");

    public static readonly DiagnosticRule SpeechOutsideMeetingDate = new(
        "STMT1009", Severity.Warning, Semantics, "Speech dated outside its meeting",
        "Speech '{0}' is dated {1}, outside its meeting's date {2}",
        "A speech's own date should fall within the date of the meeting that holds it.");

    public static readonly DiagnosticRule MissingRequiredField = new(
        "STMT1010", Severity.Error, Semantics, "Required field missing",
        "{0} '{1}' has no '{2}': it is required",
        "The kind requires this field (LANGUAGE.md §4).");

    public static readonly DiagnosticRule BidiControl = new(
        "STMT1011", Severity.Error, Semantics, "Bidirectional control character",
        "{0}",
        "Bidirectional control characters can make text display differently from what it says (Trojan Source, CVE-2021-42574). They are allowed only inside text values, and there only balanced.");

    public static readonly DiagnosticRule CSharpNameClash = new(
        "STMT1012", Severity.Error, Semantics, "Generated C# name clash",
        "'{0}' maps to the C# name '{1}', which {2}",
        "Two declarations map to the same C# name, or a name clashes with the file's class or its generated members.");

    public static readonly DiagnosticRule RepeatedField = new(
        "STMT1013", Severity.Warning, Semantics, "Single-valued field repeated",
        "'{0}' is given more than once{1}; the first value is kept",
        "A field that takes one value may appear once per language tag.");

    public static readonly DiagnosticRule MisplacedDeclaration = new(
        "STMT1014", Severity.Error, Semantics, "Declaration not allowed here",
        "{0}",
        "Speeches, walkouts, votes and events belong inside a meeting; the other kinds stand at the top of a file.");

    public static readonly DiagnosticRule MembershipEndsBeforeStart = new(
        "STMT1015", Severity.Error, Semantics, "Membership ends before it starts",
        "Membership '{0}' ends ({1}) before it starts ({2}): 'until' must not come before 'from'",
        "A membership's 'until' lies before its 'from', so it covers no date. One of the two dates is wrong.");

    public static readonly DiagnosticRule SpeakingForOrgWithoutMembership = new(
        "STMT1016", Severity.Warning, Semantics, "Speaking for an org without a membership then",
        "{0} '{1}' is on behalf of '{2}' on {3}, but no membership of '{4}' in '{2}' (or an org under it) covers that date{5}",
        "The speaker has memberships, yet none in the org the utterance is on behalf of (or an org whose parent chain leads to it) covers the utterance's date.");

    public static readonly DiagnosticRule QuoteNotInSourceDocument = new(
        "STMT1017", Severity.Warning, Provenance, "Quote not found in the source document",
        "{0}",
        "A quote of a file whose transcript names a source_document does not appear in that document, compared after the normalization of docs/language.md. The message shows the closest passage and where the two differ.");

    public static readonly DiagnosticRule SourceDocumentUnreadable = new(
        "STMT1018", Severity.Warning, Provenance, "Source document cannot be read",
        "The source document '{0}' {1}",
        "The source_document of the transcript cannot be found or read, so the file's quotes are not checked. In a build it must be among the compilation's additional files.");

    public static readonly DiagnosticRule LimitExceeded = new(
        "STMT9001", Severity.Error, "Limits", "Input over a documented limit",
        "{0}",
        "The input is larger or deeper than a documented limit (docs/security.md). The excess is skipped so that a build never hangs or crashes.");

    /// <summary>The whole catalog in id order.</summary>
    public static IReadOnlyList<DiagnosticRule> All { get; } = new[]
    {
        UnexpectedCharacter, UnterminatedString, UnterminatedTextBlock, Expected, MalformedLiteral, InvalidEscape,
        InvalidEncoding, MissingSpeaker, MissingDate, UnknownReference, DuplicateId, ImpossibleDate,
        WrongReferenceKind, UnknownField, WrongValueType, SpeechOutsideMeetingDate, MissingRequiredField,
        BidiControl, CSharpNameClash, RepeatedField, MisplacedDeclaration, MembershipEndsBeforeStart,
        SpeakingForOrgWithoutMembership, QuoteNotInSourceDocument, SourceDocumentUnreadable, LimitExceeded,
    };

    /// <summary>
    /// The tail of an STMT1016 message, "; its memberships: uk (2015-04 – 2018-01), …", the same from the
    /// bound model and from the validators, so the author sees which date or org is off.
    /// </summary>
    public static string DescribeMemberships(IReadOnlyList<(string? Org, string? From, string? Until)> memberships)
    {
        const int named = 3;
        var shown = string.Join(", ", memberships.Take(named).Select(m => (m.Org ?? "?") + " (" + (m.From ?? "…") + " – " + (m.Until ?? "…") + ")"));
        var more = memberships.Count > named ? ", and " + (memberships.Count - named).ToString(System.Globalization.CultureInfo.InvariantCulture) + " more" : string.Empty;
        return "; its memberships: " + shown + more;
    }
}
